package io.tessera.monitoring.job;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.JobState;
import io.tessera.messaging.outbox.OutboxConfig;
import io.tessera.monitoring.dag.Readiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Job row access. Every transaction that changes a job's tasks locks the job row first ({@link #lock}), which
 * keeps the lock order job → task everywhere and serializes the job's progress versions. Between jobs the lock
 * order follows the dependency edges: a job's dependencies before the job itself.
 */
@ApplicationScoped
public class JobRows {

    private final String insertIfAbsent;
    private final String selectDependents;

    JobRows(OutboxConfig config) {
        this.insertIfAbsent = "insert into " + config.schema() + ".job"
                + " (job_id, state, frames_total, tasks_total, version, updated_at)"
                + " values (:jobId, 'SUBMITTED', 0, 0, 0, now()) on conflict (job_id) do nothing";
        this.selectDependents = "select * from " + config.schema() + ".job"
                + " where cast(depends_on as jsonb) @> jsonb_build_array(cast(:id as text))"
                + " and state not in ('COMPLETED', 'FAILED', 'CANCELLED') order by job_id for update";
    }

    /** Creates the job row when absent (events about a job may overtake its JobSubmitted), then locks it. */
    public Uni<JobEntity> ensureAndLock(String jobId) {
        return insert(jobId).chain(() -> lock(jobId));
    }

    /**
     * Creates the row of a job another one depends on when absent, then takes a share lock on it: a job that
     * completes or fails concurrently either committed before (its state is read here) or waits for this
     * transaction (and then sees the dependent).
     */
    public Uni<JobEntity> ensureAndLockShared(String jobId) {
        return insert(jobId).chain(() -> JobEntity.<JobEntity>findById(jobId, LockModeType.PESSIMISTIC_READ));
    }

    /** Loads and locks the job row ({@code select ... for update}); null when absent. */
    public Uni<JobEntity> lock(String jobId) {
        return JobEntity.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The unfinished jobs depending on {@code jobId}, locked, in job id order. */
    public Uni<List<JobEntity>> lockDependents(String jobId) {
        return Panache.flush().chain(Panache::getSession)
                .chain(session -> session.createNativeQuery(selectDependents, JobEntity.class)
                        .setParameter("id", jobId)
                        .getResultList());
    }

    /** The states of the given jobs; jobs unknown to monitoring are absent. */
    public Uni<Map<String, JobState>> states(List<String> jobIds) {
        if (jobIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.flush().chain(Panache::getSession)
                .chain(session -> session.createQuery("select j.jobId, j.state from JobEntity j where j.jobId in (:ids)",
                        Object[].class).setParameter("ids", jobIds).getResultList())
                .map(rows -> {
                    Map<String, JobState> states = new HashMap<>();
                    rows.forEach(row -> states.put((String) row[0], (JobState) row[1]));
                    return states;
                });
    }

    /**
     * True when the job's tasks may be released ({@link Readiness#jobReleased}); never while the job is SUSPENDED
     * (its tasks wait until it is resumed).
     */
    public Uni<Boolean> released(JobEntity job) {
        if (!job.submitted || job.state == JobState.SUSPENDED) {
            return Uni.createFrom().item(false);
        }
        List<String> dependsOn = job.dependsOnIds();
        return states(dependsOn).map(states -> Readiness.jobReleased(true, dependsOn, states));
    }

    private Uni<Integer> insert(String jobId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(insertIfAbsent).setParameter("jobId", jobId).executeUpdate());
    }
}
