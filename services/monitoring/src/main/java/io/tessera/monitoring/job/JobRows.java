package io.tessera.monitoring.job;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.messaging.outbox.OutboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Job row access. Every transaction that changes a job's tasks locks the job row first ({@link #lock}), which
 * keeps the lock order job → task everywhere and serializes the job's progress versions.
 */
@ApplicationScoped
public class JobRows {

    private final String insertIfAbsent;

    JobRows(OutboxConfig config) {
        this.insertIfAbsent = "insert into " + config.schema() + ".job"
                + " (job_id, state, frames_total, tasks_total, version, updated_at)"
                + " values (:jobId, 'SUBMITTED', 0, 0, 0, now()) on conflict (job_id) do nothing";
    }

    /** Creates the job row when absent (events about a job may overtake its JobSubmitted), then locks it. */
    public Uni<JobEntity> ensureAndLock(String jobId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(insertIfAbsent).setParameter("jobId", jobId).executeUpdate())
                .chain(() -> lock(jobId));
    }

    /** Loads and locks the job row ({@code select ... for update}); null when absent. */
    public Uni<JobEntity> lock(String jobId) {
        return JobEntity.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
    }
}
