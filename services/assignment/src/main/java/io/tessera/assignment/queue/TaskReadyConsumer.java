package io.tessera.assignment.queue;

import io.smallrye.mutiny.Uni;
import io.tessera.assignment.dispatch.DispatchLoop;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.tasks.TaskReady;
import io.tessera.messaging.batch.DeadLetters;
import io.tessera.messaging.batch.RecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code farm.tasks.ready.v1} a poll at a time and queues its TaskReady events in one transaction
 * ({@link ReadyQueue#enqueueAll}), then wakes the dispatcher: a 1,000-task backlog is queued in a few round trips,
 * so an urgent job's tasks reach the queue, where priority decides, without waiting behind it. A record that cannot
 * be queued goes to {@code farm.tasks.ready.v1.dlq} with the reason.
 */
@ApplicationScoped
public class TaskReadyConsumer {

    /** The incoming channel of {@code farm.tasks.ready.v1}. */
    public static final String CHANNEL = "tasks-ready";

    private static final String TASK_READY = EventTypes.typeOf(TaskReady.class);

    private final RecordBatch<TaskReady> batch;

    TaskReadyConsumer(ReadyQueue queue, DispatchLoop dispatcher, DeadLetters deadLetters) {
        this.batch = new RecordBatch<>(record -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            if (!TASK_READY.equals(envelope.type())) {
                return null;
            }
            TaskReady ready = envelope.event(TaskReady.class);
            ReadyQueue.validate(ready);
            return ready;
        }, items -> queue.enqueueAll(items.stream().map(RecordBatch.Item::value).toList())
                .invoke(dispatcher::trigger).replaceWithVoid(), deadLetters);
    }

    @Incoming(CHANNEL)
    Uni<Void> on(ConsumerRecords<String, String> records) {
        return batch.handle(records);
    }
}
