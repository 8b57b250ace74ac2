package io.tessera.messaging.batch;

import io.smallrye.mutiny.Uni;
import io.tessera.messaging.outbox.OutboxProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Sends a record a batch consumer could not apply to {@code <topic>.dlq}, with its key, value and headers and the
 * same reason headers SmallRye's dead-letter strategy writes ({@code dead-letter-reason}, {@code -cause},
 * {@code -topic}, {@code -partition}, {@code -offset}), so every dead letter reads the same whoever wrote it. The Uni
 * completes when the broker acknowledged it (acks=all): the batch's offsets are committed only after that.
 */
@ApplicationScoped
public class DeadLetters {

    /** Longest reason kept in the header. */
    static final int MAX_REASON = 2_000;
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final OutboxProducer producer;

    DeadLetters(OutboxProducer producer) {
        this.producer = producer;
    }

    /** Dead-letters {@code record} with {@code failure} as the reason. */
    public Uni<Void> send(ConsumerRecord<String, String> record, Throwable failure) {
        String reason = reason(failure);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        headers.add("dead-letter-reason", bytes(reason));
        if (failure.getCause() != null && failure.getCause() != failure) {
            headers.add("dead-letter-cause", bytes(String.valueOf(failure.getCause().getMessage())));
        }
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        ProducerRecord<String, String> letter = new ProducerRecord<>(record.topic() + ".dlq", null, record.key(),
                record.value(), headers);
        LOG.warnf("Record %s-%d@%d (key %s) dead-lettered to %s.dlq: %s", record.topic(), record.partition(),
                record.offset(), record.key(), record.topic(), reason);
        return Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(() -> {
            try {
                return producer.send(letter).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("dead letter not acknowledged: " + e.getCause(), e.getCause());
            }
        })).replaceWithVoid();
    }

    static String reason(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON) + "…";
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
