package io.tessera.assignment.suspension;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Suspended jobs: like cancelled ones their queued tasks are not dispatched, but they stay queued (as does any
 * TaskReady arriving meanwhile, e.g. a retry) and are dispatched again once the job is resumed. The dispatcher skips
 * the tasks of jobs whose {@code suspended_job} row says {@code suspended}. Tasks already dispatched are not
 * recalled: a suspend does not stop renders in progress.
 */
@ApplicationScoped
public class Suspensions {

    private static final Logger LOG = Logger.getLogger(Suspensions.class);

    private final String upsert;
    private final String lockQueued;

    Suspensions(@ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.upsert = "insert into " + schema + ".suspended_job as s (job_id, sequence, suspended, changed_at)"
                + " values (:jobId, :sequence, :suspended, :at) on conflict (job_id) do update"
                + " set sequence = excluded.sequence, suspended = excluded.suspended, changed_at = excluded.changed_at"
                + " where s.sequence < excluded.sequence";
        this.lockQueued = "select task_id from " + schema + ".pending_task where job_id = :jobId for update";
    }

    /**
     * Holds the job's queued tasks, in one transaction: the job's queued rows are locked first, so a dispatch round
     * that already took some of them commits before (those were dispatched before the suspend) and a round
     * starting later skips them. A suspend older than the newest command seen for the job changes nothing.
     *
     * @return true when the job is now suspended by this command
     */
    public Uni<Boolean> suspend(String jobId, long sequence, Instant at) {
        return change(jobId, sequence, true, at).invoke(applied -> {
            if (applied) {
                LOG.infof("Job %s suspended (command %d): its queued tasks are held", jobId, sequence);
            }
        });
    }

    /**
     * Releases the job's queued tasks to the dispatcher again (the caller triggers a round after commit). A resume
     * older than the newest command seen for the job changes nothing.
     *
     * @return true when the job is now resumed by this command
     */
    public Uni<Boolean> resume(String jobId, long sequence, Instant at) {
        return change(jobId, sequence, false, at).invoke(applied -> {
            if (applied) {
                LOG.infof("Job %s resumed (command %d): its queued tasks are dispatched again", jobId, sequence);
            }
        });
    }

    private Uni<Boolean> change(String jobId, long sequence, boolean suspended, Instant at) {
        if (jobId == null || jobId.isBlank()) {
            throw new InvalidEventException("jobId: is required");
        }
        if (sequence < 1) {
            throw new InvalidEventException("sequence: must be at least 1, was " + sequence);
        }
        Instant when = at == null ? Instant.now() : at;
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(lockQueued, String.class).setParameter("jobId", jobId).getResultList()
                .chain(() -> session.createNativeQuery(upsert)
                        .setParameter("jobId", jobId)
                        .setParameter("sequence", sequence)
                        .setParameter("suspended", suspended)
                        .setParameter("at", OffsetDateTime.ofInstant(when, ZoneOffset.UTC))
                        .executeUpdate())))
                .map(updated -> updated == 1);
    }
}
