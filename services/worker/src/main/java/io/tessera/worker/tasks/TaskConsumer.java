package io.tessera.worker.tasks;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the task topic of this worker's capability ({@code farm.tasks.<capability>.v1}, group
 * {@code workers-<capability>}). The record is acknowledged once its TaskStarted is acknowledged by the broker (or
 * when it is skipped); from then on the lease covers the task. Invalid records are dead-lettered.
 */
@ApplicationScoped
public class TaskConsumer {

    /** The incoming channel of dispatched tasks. */
    public static final String CHANNEL = "tasks";

    @Inject
    TaskIntake intake;

    /**
     * Takes one record on a worker thread; a draining worker leaves it unacknowledged (never completes), so no later
     * record is processed or committed either (records are handled one at a time, in order).
     */
    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> intake.accept(record))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(ack -> ack ? Uni.createFrom().voidItem() : Uni.createFrom().nothing());
    }
}
