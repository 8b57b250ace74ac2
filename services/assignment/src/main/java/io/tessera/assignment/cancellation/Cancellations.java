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

/** Records cancelled jobs, drops their queued tasks and answers whether a job is cancelled. */
@ApplicationScoped
public class Cancellations {

    private static final Logger LOG = Logger.getLogger(Cancellations.class);

    private final String insert;
    private final String dropQueued;

    Cancellations(@ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.insert = "insert into " + schema + ".cancelled_job (job_id, reason, cancelled_at)"
                + " values (:jobId, :reason, :cancelledAt) on conflict (job_id) do nothing";
        this.dropQueued = "delete from " + schema + ".pending_task where job_id = :jobId";
    }

    /**
     * Records the cancellation and drops the job's queued tasks in one transaction; a redelivered JobCancelled
     * changes nothing. Tasks already dispatched are stopped by the workers, which fail them.
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
                        .executeUpdate()
                        .chain(inserted -> session.createNativeQuery(dropQueued)
                                .setParameter("jobId", event.jobId())
                                .executeUpdate()
                                .invoke(dropped -> {
                                    if (inserted == 1) {
                                        LOG.infof("Job %s cancelled (%s): %d queued tasks dropped, none of its"
                                                + " tasks will be dispatched", event.jobId(), event.reason(), dropped);
                                    }
                                }))))
                .replaceWithVoid();
    }

    /** Whether {@code jobId} was cancelled; call inside a session. */
    public Uni<Boolean> isCancelled(String jobId) {
        return CancelledJob.count("jobId", jobId).map(count -> count > 0);
    }
}
