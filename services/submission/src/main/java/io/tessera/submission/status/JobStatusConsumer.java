package io.tessera.submission.status;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.TaskStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code farm.job-status.v1}: JobProgress and TaskStatusChanged from monitoring; other types are ignored.
 * A record that is not a valid event fails and goes to {@code farm.job-status.v1.dlq}.
 */
@ApplicationScoped
public class JobStatusConsumer {

    /** The incoming channel of {@code farm.job-status.v1}. */
    public static final String CHANNEL = "job-status";

    private static final String JOB_PROGRESS = EventTypes.typeOf(JobProgress.class);
    private static final String TASK_STATUS = EventTypes.typeOf(TaskStatusChanged.class);

    private final JobStatusService status;

    JobStatusConsumer(JobStatusService status) {
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
        if (JOB_PROGRESS.equals(envelope.type())) {
            return Uni.createFrom().item(() -> checked(envelope.event(JobProgress.class)))
                    .chain(status::onJobProgress);
        }
        if (TASK_STATUS.equals(envelope.type())) {
            return Uni.createFrom().item(() -> checked(envelope.event(TaskStatusChanged.class)))
                    .chain(status::onTaskStatus);
        }
        return Uni.createFrom().voidItem();
    }

    private static JobProgress checked(JobProgress event) {
        require(event.jobId(), "jobId");
        require(event.state(), "state");
        return event;
    }

    private static TaskStatusChanged checked(TaskStatusChanged event) {
        require(event.taskId(), "taskId");
        require(event.jobId(), "jobId");
        require(event.state(), "state");
        return event;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidEventException(field + ": is required");
        }
    }
}
