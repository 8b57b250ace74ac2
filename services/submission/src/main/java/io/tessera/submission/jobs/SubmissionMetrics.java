package io.tessera.submission.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tessera.contracts.Capability;
import io.tessera.submission.validation.Channel;
import jakarta.enterprise.context.ApplicationScoped;

/** Tessera's own meters of the submission service. */
@ApplicationScoped
public class SubmissionMetrics {

    private final MeterRegistry registry;

    SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A new job was accepted ({@code tessera_jobs_submitted_total}); duplicates of a requestId are not counted. */
    public void submitted(Capability capability, Channel channel) {
        Counter.builder("tessera_jobs_submitted_total")
                .description("Jobs accepted, by capability and channel")
                .tag("capability", capability.id())
                .tag("channel", channel.id())
                .register(registry)
                .increment();
    }

    /** A job request was rejected as invalid ({@code tessera_job_requests_rejected_total}). */
    public void rejected(Channel channel) {
        Counter.builder("tessera_job_requests_rejected_total")
                .description("Job requests rejected as invalid, by channel")
                .tag("channel", channel.id())
                .register(registry)
                .increment();
    }
}
