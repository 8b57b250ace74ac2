package io.tessera.monitoring.job;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.JobState;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.status.JobProgress;
import io.tessera.messaging.outbox.Outbox;
import io.tessera.monitoring.MonitoringMetrics;
import io.tessera.monitoring.dag.Readiness;
import io.tessera.monitoring.task.TaskEntity;
import io.tessera.monitoring.task.TaskTransitions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Derives a (locked) job's state from its tasks and publishes its JobProgress through the outbox: WAITING tasks
 * whose dependencies are done are released (QUEUED + TaskReady), the job is RUNNING once a task started, COMPLETED
 * when every planned task SUCCEEDED (which releases the jobs depending on it), FAILED or CANCELLED with the
 * remaining tasks cancelled (which fails the jobs depending on it, transitively).
 */
@ApplicationScoped
public class JobTracker {

    private static final Logger LOG = Logger.getLogger(JobTracker.class);

    private final Outbox outbox;
    private final TaskTransitions transitions;
    private final MonitoringMetrics metrics;
    private final JobRows jobs;

    JobTracker(Outbox outbox, TaskTransitions transitions, MonitoringMetrics metrics, JobRows jobs) {
        this.outbox = outbox;
        this.transitions = transitions;
        this.metrics = metrics;
        this.jobs = jobs;
    }

    /**
     * Re-evaluates the job after a task was inserted or changed, or after its dependencies changed: releases the
     * tasks that became runnable, derives the job's state and publishes its progress.
     */
    public Uni<Void> refresh(JobEntity job, Instant now) {
        return tasksOf(job).chain(tasks -> releaseReady(job, tasks, now).chain(() -> {
            boolean completed = false;
            if (!job.state.terminal()) {
                long succeeded = tasks.stream().filter(t -> t.state == TaskState.SUCCEEDED).count();
                if (job.tasksTotal > 0 && succeeded >= job.tasksTotal) {
                    finish(job, JobState.COMPLETED, null);
                    completed = true;
                } else if (job.state == JobState.SUBMITTED && tasks.stream().anyMatch(JobTracker::started)) {
                    job.state = JobState.RUNNING;
                }
            }
            Uni<Void> published = publish(job, tasks, now);
            return completed ? published.chain(() -> releaseDependents(job, now)) : published;
        }));
    }

    /**
     * A task of the job is DEAD: every task depending on it (transitively) is CANCELLED with the reason
     * {@code dependency <taskId> failed: <reason>}, then the job FAILS naming the dead task.
     */
    public Uni<Void> taskDead(JobEntity job, TaskEntity dead, String reason, Instant now) {
        String jobReason = "task " + dead.taskId + " failed after " + dead.attempt + " attempts: " + reason;
        String dependentReason = "dependency " + dead.taskId + " failed: " + reason;
        return tasksOf(job).chain(tasks -> {
            Map<String, TaskEntity> byId = tasks.stream()
                    .collect(Collectors.toMap(t -> t.taskId, Function.identity()));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String id : Readiness.dependentsOf(tasks.stream().map(TaskEntity::node).toList(), dead.taskId)) {
                TaskEntity dependent = byId.get(id);
                if (!dependent.state.terminal()) {
                    chain = chain.chain(() -> transitions.cancel(dependent, dependentReason, now));
                }
            }
            return chain;
        }).chain(() -> fail(job, jobReason, now));
    }

    /** The job FAILED: every other non-terminal task is CANCELLED, and the jobs depending on it FAIL. */
    public Uni<Void> fail(JobEntity job, String reason, Instant now) {
        return end(job, JobState.FAILED, reason, now);
    }

    /** The job was CANCELLED: every non-terminal task is CANCELLED, and the jobs depending on it FAIL. */
    public Uni<Void> cancel(JobEntity job, String reason, Instant now) {
        return end(job, JobState.CANCELLED, reason, now);
    }

    private Uni<Void> end(JobEntity job, JobState state, String reason, Instant now) {
        if (job.state.terminal()) {
            return Uni.createFrom().voidItem();
        }
        finish(job, state, reason);
        String taskReason = "job " + job.jobId + " " + state.name().toLowerCase() + (reason == null ? "" : ": " + reason);
        return tasksOf(job).chain(tasks -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TaskEntity task : tasks) {
                if (!task.state.terminal()) {
                    chain = chain.chain(() -> transitions.cancel(task, taskReason, now));
                }
            }
            return chain.chain(() -> publish(job, tasks, now));
        }).chain(() -> failDependents(job, now));
    }

    private Uni<Void> releaseReady(JobEntity job, List<TaskEntity> tasks, Instant now) {
        if (job.state.terminal() || tasks.stream().noneMatch(t -> t.state == TaskState.WAITING)) {
            return Uni.createFrom().voidItem();
        }
        return jobs.released(job).chain(released -> {
            Set<String> ready = new HashSet<>(
                    Readiness.releasable(tasks.stream().map(TaskEntity::node).toList(), released));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TaskEntity task : tasks) {
                if (ready.contains(task.taskId)) {
                    chain = chain.chain(() -> transitions.release(task, now));
                }
            }
            return chain;
        });
    }

    /** The job COMPLETED: each unfinished job depending on it is re-evaluated (released once all its deps are). */
    private Uni<Void> releaseDependents(JobEntity job, Instant now) {
        return jobs.lockDependents(job.jobId).chain(dependents -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (JobEntity dependent : dependents) {
                if (dependent.tasksTotal > 0) {
                    LOG.infof("Job %s completed: re-evaluating dependent job %s", job.jobId, dependent.jobId);
                    chain = chain.chain(() -> refresh(dependent, now));
                }
            }
            return chain;
        });
    }

    /** The job FAILED or was CANCELLED: each unfinished job depending on it FAILS (and so on, transitively). */
    private Uni<Void> failDependents(JobEntity job, Instant now) {
        return jobs.lockDependents(job.jobId).chain(dependents -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (JobEntity dependent : dependents) {
                chain = chain.chain(() -> fail(dependent, "dependency job " + job.jobId + " failed", now));
            }
            return chain;
        });
    }

    private void finish(JobEntity job, JobState state, String reason) {
        job.state = state;
        job.reason = reason;
        metrics.jobFinished(state);
        LOG.infof("Job %s %s%s", job.jobId, state, reason == null ? "" : ": " + reason);
    }

    private Uni<Void> publish(JobEntity job, List<TaskEntity> tasks, Instant now) {
        job.version = job.version + 1;
        job.updatedAt = now;
        JobProgress progress = new JobProgress(job.jobId, job.state,
                ProgressCalculator.of(job.framesTotal, job.tasksTotal, tasks), job.reason, job.version, now);
        return outbox.add(Topics.JOB_STATUS, job.jobId, "job:" + job.jobId + ":progress:" + job.version, progress);
    }

    private static boolean started(TaskEntity task) {
        return task.state == TaskState.RUNNING || task.state == TaskState.SUCCEEDED || task.attempt > 1;
    }

    private static Uni<List<TaskEntity>> tasksOf(JobEntity job) {
        return Panache.flush().chain(() -> TaskEntity.<TaskEntity>list("jobId = ?1 order by taskOrder, index",
                job.jobId));
    }
}
