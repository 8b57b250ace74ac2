package io.tessera.monitoring.job;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.messaging.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Applies job lifecycle events from {@code farm.jobs.v1}, each in one transaction with its inbox entry. */
@ApplicationScoped
public class JobService {

    static final String CONSUMER = "monitoring-jobs";

    private final Inbox inbox;
    private final JobRows jobs;
    private final JobTracker tracker;

    JobService(Inbox inbox, JobRows jobs, JobTracker tracker) {
        this.inbox = inbox;
        this.jobs = jobs;
        this.tracker = tracker;
    }

    /** Records the job (or completes the row a TaskPlanned created lazily); the state is left as it is. */
    public Uni<Void> submitted(EventEnvelope envelope, JobSubmitted event) {
        require(event.jobId(), "jobId");
        if (event.frameEnd() < event.frameStart()) {
            throw new InvalidEventException("frameEnd: must not be less than frameStart");
        }
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, envelope.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : jobs.ensureAndLock(event.jobId()).invoke(job -> {
                    job.studio = event.studio();
                    if (event.requirements() != null && event.requirements().capability() != null) {
                        job.capability = event.requirements().capability().id();
                    }
                    job.framesTotal = event.frameEnd() - event.frameStart() + 1;
                    job.updatedAt = Instant.now();
                }).replaceWithVoid()));
    }

    /** Cancels every non-terminal task of the job and the job itself. */
    public Uni<Void> cancelled(EventEnvelope envelope, JobCancelled event) {
        require(event.jobId(), "jobId");
        String reason = event.reason() == null || event.reason().isBlank() ? "cancelled" : event.reason();
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, envelope.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : jobs.ensureAndLock(event.jobId()).chain(job -> tracker.cancel(job, reason, Instant.now()))));
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + ": is required");
        }
    }
}
