package io.tessera.monitoring.failure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.jobs.JobWorkerBlocklisted;
import io.tessera.messaging.outbox.Outbox;
import io.tessera.messaging.outbox.OutboxConfig;
import io.tessera.monitoring.job.JobEntity;
import io.tessera.monitoring.job.JobTracker;
import io.tessera.monitoring.task.TaskEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * What an attempt that ended badly leaves behind, in the transaction of the task's state change (the job row is
 * locked): its row in {@code task_attempt} (reason, worker, attempt, time), and for a failure the worker reported,
 * one more failed attempt of the job ({@link ErrorLimit}) and of the worker on the job ({@link Blocklisting}): the
 * worker is blocklisted for the job with a JobWorkerBlocklisted on {@code farm.jobs.v1} (outbox) once it reaches
 * the job's threshold. Stalled attempts (expired leases: the worker died, froze or lost the network) are kept in the
 * history but count towards neither: they say little about the job and a restarted worker is healthy again.
 */
@ApplicationScoped
public class AttemptFailures {

    /** The outcome recorded for an attempt a leaving worker gave back unfinished. */
    public static final String HANDED_BACK = "HANDED_BACK";

    /** Failure reasons read to list the last distinct ones when a job reaches its error limit. */
    private static final int REASONS_READ = 50;
    private static final Logger LOG = Logger.getLogger(AttemptFailures.class);

    private final Outbox outbox;
    private final JobTracker tracker;
    private final String insertAttempt;
    private final String countFailure;
    private final String selectWorker;
    private final String blocklist;
    private final String selectReasons;

    AttemptFailures(Outbox outbox, JobTracker tracker, OutboxConfig config) {
        this.outbox = outbox;
        this.tracker = tracker;
        String schema = config.schema();
        this.insertAttempt = "insert into " + schema + ".task_attempt (task_id, attempt, job_id, worker_id, outcome,"
                + " reason, ended_at) values (:taskId, :attempt, :jobId, :workerId, :outcome, :reason, :at)"
                + " on conflict (task_id, attempt) do nothing";
        this.countFailure = "insert into " + schema + ".job_worker as w (job_id, worker_id, failures)"
                + " values (:jobId, :workerId, 1) on conflict (job_id, worker_id) do update set failures = w.failures + 1";
        this.selectWorker = "select failures, blocklisted, times from " + schema + ".job_worker"
                + " where job_id = :jobId and worker_id = :workerId";
        this.blocklist = "update " + schema + ".job_worker set blocklisted = true, times = times + 1,"
                + " blocklisted_at = :at where job_id = :jobId and worker_id = :workerId";
        this.selectReasons = "select reason from " + schema + ".task_attempt where job_id = :jobId"
                + " and outcome = 'FAILED' order by ended_at desc, task_id desc, attempt desc limit " + REASONS_READ;
    }

    /**
     * The task's current attempt failed on {@code workerId} (TaskFailed): records it, counts it for the job and for
     * the worker on the job, and blocklists the worker when it reached the job's threshold. Call before the task
     * moves to its next attempt; the caller then calls {@link #enforceErrorLimit}.
     */
    public Uni<Void> failed(JobEntity job, TaskEntity task, String workerId, String reason, Instant now) {
        task.workerId = workerId;
        job.failedAttempts = job.failedAttempts + 1;
        Uni<Void> recorded = record(task, workerId, TaskState.FAILED.name(), reason, now);
        if (job.blocklistThreshold == null || job.blocklistThreshold <= 0) {
            return recorded;
        }
        return recorded.chain(() -> countForWorker(job, workerId, reason, now));
    }

    /**
     * The task's current attempt was handed back by {@code workerId}, which is leaving (TaskFailed with handedBack):
     * records it as {@code HANDED_BACK}, counted neither for the job's error limit nor for the worker's blocklist.
     * Call before the task moves on.
     */
    public Uni<Void> handedBack(TaskEntity task, String workerId, String reason, Instant now) {
        return record(task, workerId, HANDED_BACK, reason, now);
    }

    /** The task's current attempt STALLED (its lease expired): records it. Call before the task moves on. */
    public Uni<Void> stalled(TaskEntity task, String reason, Instant now) {
        return record(task, task.workerId, TaskState.STALLED.name(), reason, now);
    }

    /**
     * FAILS the job, with the last distinct reasons, when its failed attempts reached its error limit and it has not
     * ended yet; its remaining tasks are cancelled ({@link JobTracker#fail}).
     */
    public Uni<Void> enforceErrorLimit(JobEntity job, Instant now) {
        if (job.state.terminal() || !ErrorLimit.reached(job.errorLimit, job.failedAttempts)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(selectReasons, String.class)
                        .setParameter("jobId", job.jobId)
                        .getResultList())
                .chain(reasons -> {
                    String reason = ErrorLimit.reason(job.errorLimit, job.failedAttempts, reasons);
                    LOG.warnf("Job %s reached its error limit of %d failed attempts: FAILED, its remaining tasks"
                            + " cancelled", job.jobId, job.errorLimit);
                    return tracker.fail(job, reason, now);
                });
    }

    private Uni<Void> record(TaskEntity task, String workerId, String outcome, String reason, Instant now) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(insertAttempt)
                        .setParameter("taskId", task.taskId)
                        .setParameter("attempt", task.attempt)
                        .setParameter("jobId", task.jobId)
                        .setParameter("workerId", workerId)
                        .setParameter("outcome", outcome)
                        .setParameter("reason", reason)
                        .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Void> countForWorker(JobEntity job, String workerId, String reason, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(countFailure)
                .setParameter("jobId", job.jobId)
                .setParameter("workerId", workerId)
                .executeUpdate()
                .chain(() -> session.createNativeQuery(selectWorker, Object[].class)
                        .setParameter("jobId", job.jobId)
                        .setParameter("workerId", workerId)
                        .getSingleResult())
                .chain(row -> {
                    int failures = ((Number) row[0]).intValue();
                    boolean blocklisted = (Boolean) row[1];
                    int times = ((Number) row[2]).intValue() + 1;
                    if (!Blocklisting.blocklistNow(job.blocklistThreshold, failures, blocklisted)) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.warnf("Worker %s failed %d attempts of job %s (threshold %d): blocklisted for the job",
                            workerId, failures, job.jobId, job.blocklistThreshold);
                    return session.createNativeQuery(blocklist)
                            .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                            .setParameter("jobId", job.jobId)
                            .setParameter("workerId", workerId)
                            .executeUpdate()
                            .chain(() -> outbox.add(Topics.JOBS, job.jobId,
                                    eventId(job.jobId, workerId, times),
                                    new JobWorkerBlocklisted(job.jobId, workerId, failures, reason, now)));
                }));
    }

    /** {@code job:{jobId}:worker-blocklisted:{workerId}:{times}}. */
    static String eventId(String jobId, String workerId, int times) {
        return "job:" + jobId + ":worker-blocklisted:" + workerId + ":" + times;
    }
}
