package io.tessera.submission.status;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskPlanned;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code farm.tasks.planned.v1} so the task list shows every task (kind, part, tile region, passes,
 * dependencies, order, frames) as soon as segmentation planned it, before it runs. A record that is not a valid
 * TaskPlanned goes to {@code farm.tasks.planned.v1.dlq}; other event types are ignored.
 */
@ApplicationScoped
public class TaskPlannedConsumer {

    /** The incoming channel of {@code farm.tasks.planned.v1}. */
    public static final String CHANNEL = "tasks-planned";

    private static final String TASK_PLANNED = EventTypes.typeOf(TaskPlanned.class);

    private final JobStatusService status;

    TaskPlannedConsumer(JobStatusService status) {
        this.status = status;
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.from(record);
        } catch (InvalidEventException e) {
            return Uni.createFrom().failure(e);
        }
        if (!TASK_PLANNED.equals(envelope.type())) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> checked(envelope.event(TaskPlanned.class))).chain(status::onTaskPlanned);
    }

    private static TaskPlanned checked(TaskPlanned event) {
        if (event.taskId() == null || event.taskId().isBlank()) {
            throw new InvalidEventException("taskId: is required");
        }
        if (event.jobId() == null || event.jobId().isBlank()) {
            throw new InvalidEventException("jobId: is required");
        }
        return event;
    }
}
