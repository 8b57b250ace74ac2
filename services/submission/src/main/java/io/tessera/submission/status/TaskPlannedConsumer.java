package io.tessera.submission.status;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.messaging.batch.DeadLetters;
import io.tessera.messaging.batch.RecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code farm.tasks.planned.v1} a poll at a time so the task list shows every task (kind, part, tile region,
 * passes, dependencies, order, frames) as soon as segmentation planned it, before it runs: the TaskPlanned of a poll
 * are applied in one transaction ({@link JobStatusService#onTasksPlanned}). A record that is not a valid TaskPlanned
 * goes to {@code farm.tasks.planned.v1.dlq} with the reason; other event types are ignored.
 */
@ApplicationScoped
public class TaskPlannedConsumer {

    /** The incoming channel of {@code farm.tasks.planned.v1}. */
    public static final String CHANNEL = "tasks-planned";

    private static final String TASK_PLANNED = EventTypes.typeOf(TaskPlanned.class);

    private final RecordBatch<TaskPlanned> batch;

    TaskPlannedConsumer(JobStatusService status, DeadLetters deadLetters) {
        this.batch = new RecordBatch<>(TaskPlannedConsumer::parse,
                items -> status.onTasksPlanned(items.stream().map(RecordBatch.Item::value).toList()), deadLetters);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return batch.handle(records);
    }

    /** The record's TaskPlanned, null for another event type; throws naming the field. */
    private static TaskPlanned parse(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventEnvelope.from(record);
        if (!TASK_PLANNED.equals(envelope.type())) {
            return null;
        }
        TaskPlanned event = envelope.event(TaskPlanned.class);
        if (event.taskId() == null || event.taskId().isBlank()) {
            throw new InvalidEventException("taskId: is required");
        }
        if (event.jobId() == null || event.jobId().isBlank()) {
            throw new InvalidEventException("jobId: is required");
        }
        return event;
    }
}
