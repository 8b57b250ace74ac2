package io.tessera.assignment.cancellation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobCancelled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Records cancelled jobs and answers whether a job is cancelled. */
@ApplicationScoped
public class Cancellations {

    private static final Logger LOG = Logger.getLogger(Cancellations.class);

    private final String insert;

    Cancellations(@ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.insert = "insert into " + schema + ".cancelled_job (job_id, reason, cancelled_at)"
                + " values (:jobId, :reason, :cancelledAt) on conflict (job_id) do nothing";
    }

    /**
     * Records the cancellation in its own transaction; a redelivered JobCancelled changes nothing.
     *
     * @throws InvalidEventException when the event names no job
     */
    public Uni<Void> cancel(JobCancelled event) {
        if (event.jobId() == null || event.jobId().isBlank()) {
            throw new InvalidEventException("jobId: is required");
        }
        Instant at = event.cancelledAt() == null ? Instant.now() : event.cancelledAt();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(insert)
                        .setParameter("jobId", event.jobId())
                        .setParameter("reason", event.reason())
                        .setParameter("cancelledAt", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .executeUpdate()))
                .invoke(inserted -> {
                    if (inserted == 1) {
                        LOG.infof("Job %s cancelled (%s): its undispatched tasks will not be dispatched",
                                event.jobId(), event.reason());
                    }
                })
                .replaceWithVoid();
    }

    /** Whether {@code jobId} was cancelled; call inside a session. */
    public Uni<Boolean> isCancelled(String jobId) {
        return CancelledJob.count("jobId", jobId).map(count -> count > 0);
    }
}
