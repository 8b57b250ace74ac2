package io.tessera.assignment.cancellation;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.jobs.JobCancelled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Reads {@code farm.jobs.v1} for JobCancelled; the other job events are not assignment's business. */
@ApplicationScoped
public class JobEventsConsumer {

    /** The incoming channel of {@code farm.jobs.v1}. */
    public static final String CHANNEL = "jobs";

    private static final Logger LOG = Logger.getLogger(JobEventsConsumer.class);
    private static final String JOB_CANCELLED = EventTypes.typeOf(JobCancelled.class);

    private final Cancellations cancellations;

    JobEventsConsumer(Cancellations cancellations) {
        this.cancellations = cancellations;
    }

    @Incoming(CHANNEL)
    Uni<Void> on(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            if (!JOB_CANCELLED.equals(envelope.type())) {
                return Uni.createFrom().voidItem();
            }
            return cancellations.cancel(envelope.event(JobCancelled.class));
        }).onFailure().invoke(e -> LOG.warnf("Job %s: record %s-%d@%d not applied, dead-lettering it: %s",
                record.key(), record.topic(), record.partition(), record.offset(), e.getMessage()));
    }
}
