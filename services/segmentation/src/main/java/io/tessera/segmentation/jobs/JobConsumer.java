package io.tessera.segmentation.jobs;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code farm.jobs.v1}: every JobSubmitted is segmented; other job events are not segmentation's business.
 * The record is acknowledged when the returned Uni completes, i.e. after every TaskPlanned was acked by the
 * broker; a failure nacks it and SmallRye dead-letters it to {@code farm.jobs.v1.dlq} with the reason.
 */
@ApplicationScoped
public class JobConsumer {

    /** The incoming channel of {@code farm.jobs.v1}. */
    public static final String CHANNEL = "jobs";

    private static final String JOB_SUBMITTED = EventTypes.typeOf(JobSubmitted.class);

    private static final Logger LOG = Logger.getLogger(JobConsumer.class);

    private final JobSegmentation segmentation;

    JobConsumer(JobSegmentation segmentation) {
        this.segmentation = segmentation;
    }

    @Incoming(CHANNEL)
    Uni<Void> on(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            if (!JOB_SUBMITTED.equals(envelope.type())) {
                return Uni.createFrom().voidItem();
            }
            return segmentation.segment(envelope.event(JobSubmitted.class));
        }).onFailure(InvalidEventException.class).invoke(e -> LOG.warnf(
                "Job %s: record %s-%d@%d is invalid, dead-lettering it: %s", record.key(), record.topic(),
                record.partition(), record.offset(), e.getMessage()));
    }
}
