package io.tessera.submission.status;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.messaging.batch.DeadLetters;
import io.tessera.messaging.batch.RecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code farm.job-status.v1} a poll at a time: the JobProgress and TaskStatusChanged of monitoring in a poll
 * are applied in one transaction ({@link JobStatusService#onStatuses}), so the job view keeps up with a 1,000-task job;
 * other types are ignored. A record that is not a valid event goes to {@code farm.job-status.v1.dlq} with the reason.
 */
@ApplicationScoped
public class JobStatusConsumer {

    /** The incoming channel of {@code farm.job-status.v1}. */
    public static final String CHANNEL = "job-status";

    private static final String JOB_PROGRESS = EventTypes.typeOf(JobProgress.class);
    private static final String TASK_STATUS = EventTypes.typeOf(TaskStatusChanged.class);

    private final RecordBatch<TesseraEvent> batch;

    JobStatusConsumer(JobStatusService status, DeadLetters deadLetters) {
        this.batch = new RecordBatch<>(JobStatusConsumer::parse,
                items -> status.onStatuses(items.stream().map(RecordBatch.Item::value).toList()), deadLetters);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return batch.handle(records);
    }

    /** The record's JobProgress or TaskStatusChanged, null for another event type; throws naming the field. */
    private static TesseraEvent parse(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventEnvelope.from(record);
        if (JOB_PROGRESS.equals(envelope.type())) {
            return checked(envelope.event(JobProgress.class));
        }
        if (TASK_STATUS.equals(envelope.type())) {
            return checked(envelope.event(TaskStatusChanged.class));
        }
        return null;
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
