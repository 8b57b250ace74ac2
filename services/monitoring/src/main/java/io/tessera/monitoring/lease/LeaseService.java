package io.tessera.monitoring.lease;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.TaskState;
import io.tessera.messaging.outbox.OutboxConfig;
import io.tessera.messaging.sequence.Sequential;
import io.tessera.monitoring.MonitoringConfig;
import io.tessera.monitoring.MonitoringMetrics;
import io.tessera.monitoring.failure.AttemptFailures;
import io.tessera.monitoring.job.JobEntity;
import io.tessera.monitoring.job.JobTracker;
import io.tessera.monitoring.task.Decision;
import io.tessera.monitoring.task.TaskEntity;
import io.tessera.monitoring.task.TaskLifecycle;
import io.tessera.monitoring.task.TaskTransitions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Finds RUNNING tasks whose lease expired and requeues them with the next attempt (STALLED → QUEUED, announced
 * with a TaskReady), recording the stalled attempt ({@link AttemptFailures#stalled}), or marks them DEAD when no attempt is left (its dependents CANCELLED, its job FAILED). One batch per transaction; the task rows and their
 * job rows are locked with {@code for update skip locked}, so several replicas never take the same task and never
 * wait on a job another transaction is changing.
 */
@ApplicationScoped
public class LeaseService {

    /** Tasks handled per transaction. */
    public static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(LeaseService.class);

    private final TaskTransitions transitions;
    private final JobTracker tracker;
    private final AttemptFailures failures;
    private final MonitoringMetrics metrics;
    private final LeaseRevocations revocations;
    private final TaskLifecycle lifecycle;
    private final String selectExpired;

    LeaseService(TaskTransitions transitions, JobTracker tracker, AttemptFailures failures, MonitoringMetrics metrics,
                 LeaseRevocations revocations, MonitoringConfig config, OutboxConfig outboxConfig) {
        this.transitions = transitions;
        this.revocations = revocations;
        this.tracker = tracker;
        this.failures = failures;
        this.metrics = metrics;
        this.lifecycle = new TaskLifecycle(config.maxAttempts());
        String schema = outboxConfig.schema();
        this.selectExpired = "select t.* from " + schema + ".task t join " + schema + ".job j on j.job_id = t.job_id"
                + " where t.state = 'RUNNING' and t.lease_expires_at < :now"
                + " order by t.lease_expires_at limit " + BATCH + " for update skip locked";
    }

    /** Expires one batch of leases; returns how many tasks it handled. */
    public Uni<Integer> expireBatch() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(selectExpired, TaskEntity.class)
                        .setParameter("now", now)
                        .getResultList())
                .chain(tasks -> expireAll(tasks, now).replaceWith(tasks.size())));
    }

    private Uni<Void> expireAll(List<TaskEntity> tasks, Instant now) {
        return Sequential.forEach(tasks,
                task -> JobEntity.<JobEntity>findById(task.jobId).chain(job -> expire(job, task, now)));
    }

    private Uni<Void> expire(JobEntity job, TaskEntity task, Instant now) {
        Decision decision = lifecycle.onLeaseExpired(task.snapshot());
        String worker = task.workerId;
        int attempt = task.attempt;
        switch (decision.action()) {
            case RETRY -> {
                LOG.warnf("Lease of task %s attempt %d on worker %s expired: STALLED, TaskReady of attempt %d",
                        task.taskId, attempt, worker, attempt + 1);
                metrics.stalledRepublished();
                return failures.stalled(task, decision.reason(), now)
                        .chain(() -> transitions.retry(task, TaskState.STALLED, decision.reason(), now))
                        .chain(() -> revocations.revoke(task, worker, attempt, "lease expired; "
                                + "attempt " + (attempt + 1) + " is queued", now))
                        .invoke(() -> tracker.touch(job));
            }
            case DEAD -> {
                LOG.warnf("Lease of task %s attempt %d on worker %s expired and no attempt is left: DEAD",
                        task.taskId, attempt, worker);
                return failures.stalled(task, decision.reason(), now)
                        .chain(() -> transitions.dead(task, TaskState.STALLED, decision.reason(), now))
                        .chain(() -> revocations.revoke(task, worker, attempt, "lease expired; the task is DEAD", now))
                        .chain(() -> tracker.taskDead(job, task, decision.reason(), now));
            }
            default -> {
                return Uni.createFrom().voidItem();
            }
        }
    }
}
