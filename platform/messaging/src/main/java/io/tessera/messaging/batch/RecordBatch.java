package io.tessera.messaging.batch;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.messaging.retry.TransientFailures;
import io.tessera.messaging.sequence.Sequential;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Applies one poll's records (a SmallRye {@code batch=true} channel) with few database round trips and without
 * ever stalling the consumer or losing a record:
 * <ol>
 *   <li>each record is parsed; one that does not parse or validate is dead-lettered with the reason;</li>
 *   <li>the parsed records are applied together, in poll order (the caller's transaction);</li>
 *   <li>if that fails it is retried with back-off; if it still fails the records are applied one at a time, and
 *       a record that fails on its own (after its own retries) is dead-lettered with the reason;</li>
 *   <li>a failure that says nothing about the records ({@link TransientFailures}: the database is down, the pool
 *       closed, the service is shutting down) is retried until it passes instead, and nothing is dead-lettered.</li>
 * </ol>
 * The Uni completes only after all of that, so SmallRye commits the batch's offsets after every record was
 * applied or dead-lettered. Idempotence (ce_id in the inbox) makes the retries and a redelivery harmless.
 * <p>
 * Every application (the first, each retry, each record on its own) runs on the Vert.x context the poll arrived
 * on: a dead letter completes on a common-pool thread and a retry's back-off ends on a worker thread, and
 * Hibernate Reactive (Panache.withTransaction) fails on either with "No current Vertx context found".
 *
 * @param <T> what a record parses into
 */
public final class RecordBatch<T> {

    /** A parsed record. */
    public record Item<T>(ConsumerRecord<String, String> record, T value) {
    }

    private static final Logger LOG = Logger.getLogger(RecordBatch.class);
    private static final int RETRIES = 3;

    private final Function<ConsumerRecord<String, String>, T> parse;
    private final Function<List<Item<T>>, Uni<Void>> apply;
    private final DeadLetters deadLetters;

    /**
     * @param parse       parses and validates a record; throws naming the field when it is invalid, returns null
     *                    for a record this consumer ignores (another event type)
     * @param apply       applies parsed records together, in order, in one transaction
     * @param deadLetters where records that cannot be applied go
     */
    public RecordBatch(Function<ConsumerRecord<String, String>, T> parse, Function<List<Item<T>>, Uni<Void>> apply,
                       DeadLetters deadLetters) {
        this.parse = parse;
        this.apply = apply;
        this.deadLetters = deadLetters;
    }

    /** Applies the records of one poll; completes when each was applied or dead-lettered. */
    public Uni<Void> handle(ConsumerRecords<String, String> records) {
        Executor onPollContext = pollContext();
        List<Item<T>> items = new ArrayList<>(records.count());
        List<Map.Entry<ConsumerRecord<String, String>, RuntimeException>> invalid = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                T value = parse.apply(record);
                if (value != null) {
                    items.add(new Item<>(record, value));
                }
            } catch (RuntimeException e) {
                invalid.add(Map.entry(record, e));
            }
        }
        Uni<Void> rejected = Sequential.forEach(invalid, bad -> deadLetters.send(bad.getKey(), bad.getValue()));
        if (items.isEmpty()) {
            return rejected;
        }
        return rejected.chain(() -> retried(applied(items, onPollContext), items)
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("A batch of %d records could not be applied together (%s); applying them one by one",
                            items.size(), e.toString());
                    return oneByOne(items, onPollContext);
                }));
    }

    private Uni<Void> oneByOne(List<Item<T>> items, Executor onPollContext) {
        return Sequential.forEach(items, item -> retried(applied(List.of(item), onPollContext), List.of(item))
                .onFailure().recoverWithUni(e -> deadLetters.send(item.record(), e)));
    }

    /** Applies {@code items} on the poll's context, at each subscription (so a retry runs there too). */
    private Uni<Void> applied(List<Item<T>> items, Executor onPollContext) {
        return Uni.createFrom().deferred(() -> apply.apply(items)).runSubscriptionOn(onPollContext);
    }

    /** Runs a task on the current Vert.x context; in place when there is none (plain unit tests). */
    private static Executor pollContext() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> context.runOnContext(ignored -> task.run());
    }

    /**
     * {@code work} retried a few times with back-off unless the event is invalid; a failure that says nothing about
     * the records (database down, pool closed, shutting down: {@link TransientFailures}) is then retried until it
     * passes, so it never sends valid records one by one to the dead-letter topic.
     */
    private static Uni<Void> retried(Uni<Void> work, List<? extends Item<?>> items) {
        Uni<Void> retriedAFewTimes = work.onFailure(failure -> !(failure instanceof InvalidEventException)).retry()
                .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(RETRIES);
        ConsumerRecord<String, String> first = items.get(0).record();
        return TransientFailures.retried(retriedAFewTimes, items.size() + " record(s) from " + first.topic() + "-"
                + first.partition() + "@" + first.offset());
    }
}
