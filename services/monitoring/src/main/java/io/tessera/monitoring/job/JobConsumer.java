package io.tessera.monitoring.job;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code farm.jobs.v1}: JobSubmitted and JobCancelled. */
@ApplicationScoped
public class JobConsumer {

    /** The incoming channel of {@code farm.jobs.v1}. */
    public static final String CHANNEL = "jobs";

    private final JobService service;

    JobConsumer(JobService service) {
        this.service = service;
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            TesseraEvent event = envelope.event();
            if (event instanceof JobSubmitted submitted) {
                return service.submitted(envelope, submitted);
            }
            if (event instanceof JobCancelled cancelled) {
                return service.cancelled(envelope, cancelled);
            }
            return Uni.createFrom().voidItem();
        });
    }
}
