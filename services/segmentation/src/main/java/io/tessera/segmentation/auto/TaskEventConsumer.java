package io.tessera.segmentation.auto;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.messaging.retry.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code farm.task-events.v1} for the {@code renderMillis} of TaskCompleted: autoChunk jobs are re-chunked
 * from it ({@link AutoChunkService}). Other task events are not segmentation's business. An invalid record is
 * dead-lettered to {@code farm.task-events.v1.dlq} with the reason.
 */
@ApplicationScoped
public class TaskEventConsumer {

    /** The incoming channel of {@code farm.task-events.v1}. */
    public static final String CHANNEL = "task-events";

    private static final String TASK_COMPLETED = EventTypes.typeOf(TaskCompleted.class);

    private static final Logger LOG = Logger.getLogger(TaskEventConsumer.class);

    private final AutoChunkService autoChunk;

    TaskEventConsumer(AutoChunkService autoChunk) {
        this.autoChunk = autoChunk;
    }

    /** Applies the record; a transient failure (database down, shutting down) is retried, never dead-lettered. */
    @Incoming(CHANNEL)
    Uni<Void> on(ConsumerRecord<String, String> record) {
        return TransientFailures.retried(Uni.createFrom().deferred(() -> applied(record)),
                TransientFailures.where(record));
    }

    private Uni<Void> applied(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            if (!TASK_COMPLETED.equals(envelope.type())) {
                return Uni.createFrom().voidItem();
            }
            TaskCompleted event = envelope.event(TaskCompleted.class);
            if (event.taskId() == null || event.taskId().isBlank()) {
                throw new InvalidEventException("taskId: is required");
            }
            if (event.jobId() == null || event.jobId().isBlank()) {
                throw new InvalidEventException("jobId: is required");
            }
            return autoChunk.onCompleted(envelope, event);
        }).onFailure(InvalidEventException.class).invoke(e -> LOG.warnf(
                "Task event %s-%d@%d (key %s) is invalid, dead-lettering it: %s", record.topic(), record.partition(),
                record.offset(), record.key(), e.getMessage()));
    }
}
