package io.tessera.monitoring.task;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.tasks.TaskEvent;
import io.tessera.messaging.batch.DeadLetters;
import io.tessera.messaging.batch.RecordBatch;
import io.tessera.monitoring.task.TaskEventService.Received;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code farm.task-events.v1} (TaskStarted, TaskProgress, TaskCompleted, TaskFailed) a poll at a time,
 * applied in one transaction ({@link TaskEventService#applyAll}). Invalid records go to
 * {@code farm.task-events.v1.dlq} with the reason.
 */
@ApplicationScoped
public class TaskEventConsumer {

    /** The incoming channel of {@code farm.task-events.v1}. */
    public static final String CHANNEL = "task-events";

    private final RecordBatch<Received> batch;

    TaskEventConsumer(TaskEventService service, DeadLetters deadLetters) {
        this.batch = new RecordBatch<>(record -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            TesseraEvent event = envelope.event();
            if (!(event instanceof TaskEvent taskEvent)) {
                return null;
            }
            TaskEventService.validate(taskEvent);
            return new Received(envelope, taskEvent);
        }, items -> service.applyAll(items.stream().map(RecordBatch.Item::value).toList()), deadLetters);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return batch.handle(records);
    }
}
