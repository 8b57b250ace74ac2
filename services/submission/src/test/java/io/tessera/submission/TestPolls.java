package io.tessera.submission;

import io.tessera.farm.testing.RealInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces records so that a batch consumer sees them in one poll: they are sent without waiting, lingering until
 * all of them are in one producer batch per partition (one record batch in the log, which a fetch returns whole),
 * and acknowledged together.
 */
public final class TestPolls {

    private TestPolls() {
    }

    /** Sends {@code records} together and waits until every one is acknowledged (acks=all). */
    public static void produceTogether(List<ProducerRecord<String, String>> records) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Kafka loads its plugins through the context class loader: make it the loader of this kafka-clients copy
        thread.setContextClassLoader(KafkaProducer.class.getClassLoader());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.LINGER_MS_CONFIG, 1_000,
                ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20), new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            records.forEach(record -> acks.add(producer.send(record)));
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce " + records.size() + " records", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
