package io.tessera.segmentation.jobs;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.segmentation.auto.AutoChunkService;
import io.tessera.messaging.retry.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code farm.jobs.v1}: every JobSubmitted is segmented, an {@code autoChunk} one wave by wave
 * ({@link AutoChunkService}: first wave through the outbox), any other all at once ({@link JobSegmentation}); a
 * JobCancelled stops the waves of an autoChunk job. The record is acknowledged when the returned Uni completes, i.e.
 * after every TaskPlanned was acked by the broker (or committed to the outbox); a failure nacks it and SmallRye
 * dead-letters it to {@code farm.jobs.v1.dlq} with the reason.
 */
@ApplicationScoped
public class JobConsumer {

    /** The incoming channel of {@code farm.jobs.v1}. */
    public static final String CHANNEL = "jobs";

    private static final String JOB_SUBMITTED = EventTypes.typeOf(JobSubmitted.class);
    private static final String JOB_CANCELLED = EventTypes.typeOf(JobCancelled.class);

    private static final Logger LOG = Logger.getLogger(JobConsumer.class);

    private final JobSegmentation segmentation;
    private final AutoChunkService autoChunk;

    JobConsumer(JobSegmentation segmentation, AutoChunkService autoChunk) {
        this.segmentation = segmentation;
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
            if (JOB_CANCELLED.equals(envelope.type())) {
                return autoChunk.cancel(envelope.event(JobCancelled.class).jobId());
            }
            if (!JOB_SUBMITTED.equals(envelope.type())) {
                return Uni.createFrom().voidItem();
            }
            JobSubmitted job = envelope.event(JobSubmitted.class);
            return job.autoChunk() != null ? autoChunk.start(job) : segmentation.segment(job);
        }).onFailure(InvalidEventException.class).invoke(e -> LOG.warnf(
                "Job %s: record %s-%d@%d is invalid, dead-lettering it: %s", record.key(), record.topic(),
                record.partition(), record.offset(), e.getMessage()));
    }
}
