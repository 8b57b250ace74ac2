package io.tessera.monitoring.job;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.JobState;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.tasks.TasksWithdrawn;
import io.tessera.messaging.outbox.Outbox;
import io.tessera.messaging.outbox.OutboxConfig;
import io.tessera.messaging.sequence.Sequential;
import io.tessera.monitoring.job.ProgressCalculator.TaskGroup;
import io.tessera.monitoring.MonitoringMetrics;
import io.tessera.monitoring.dag.Readiness;
import io.tessera.monitoring.lease.LeaseRevocations;
import io.tessera.monitoring.task.TaskEntity;
import io.tessera.monitoring.task.TaskTransitions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Derives a (locked) job's state from its tasks and publishes its JobProgress through the outbox (task events only
 * {@link #touch} the job; the {@link JobRefresher} re-evaluates touched jobs a few times a second): WAITING tasks
 * whose dependencies are done are released (QUEUED + TaskReady), the job is RUNNING once a task started, COMPLETED
 * when every planned task SUCCEEDED and segmentation said no more will follow (which releases the jobs depending on it), FAILED or CANCELLED with the
 * remaining tasks cancelled (which fails the jobs depending on it, transitively).
 */
@ApplicationScoped
public class JobTracker {

    private static final Logger LOG = Logger.getLogger(JobTracker.class);

    private final Outbox outbox;
    private final TaskTransitions transitions;
    private final MonitoringMetrics metrics;
    private final JobRows jobs;
    private final LeaseRevocations revocations;
    private final String selectGroups;

    JobTracker(Outbox outbox, TaskTransitions transitions, MonitoringMetrics metrics, JobRows jobs,
               LeaseRevocations revocations, OutboxConfig config) {
        this.selectGroups = "select state, part, count(*), sum(frame_end - frame_start + 1), max(attempt) from "
                + config.schema() + ".task where job_id = :jobId group by state, part";
        this.outbox = outbox;
        this.transitions = transitions;
        this.metrics = metrics;
        this.jobs = jobs;
        this.revocations = revocations;
    }

    /**
     * Marks the job for re-evaluation by the {@link JobRefresher}, in the caller's transaction (the job row is
     * locked): what a task event does instead of re-evaluating the whole job itself, so a job of n tasks costs one
     * evaluation per refresh interval rather than n evaluations of n tasks.
     */
    public void touch(JobEntity job) {
        job.dirty = true;
    }

    /**
     * Re-evaluates the (locked) job: releases the tasks that became runnable, derives the job's state and
     * publishes its progress. Counts come from one aggregate query; task rows are loaded only when some task is
     * WAITING. Whatever changes many tasks at once (release, cancel) writes their events with one multi-row
     * {@link Outbox#addAll}: one insert and one Hibernate flush per task made a 1,000-task release take a minute.
     */
    public Uni<Void> refresh(JobEntity job, Instant now) {
        job.dirty = false;
        return groupsOf(job)
                .chain(groups -> groups.stream().anyMatch(g -> g.state() == TaskState.WAITING)
                        ? releaseReady(job, now).chain(() -> groupsOf(job))
                        : Uni.createFrom().item(groups))
                .chain(groups -> {
                    boolean completed = false;
                    if (!job.state.terminal()) {
                        long succeeded = groups.stream().filter(g -> g.state() == TaskState.SUCCEEDED)
                                .mapToLong(TaskGroup::tasks).sum();
                        if (job.tasksTotal > 0 && !job.moreTasks && succeeded >= job.tasksTotal) {
                            finish(job, JobState.COMPLETED, null);
                            completed = true;
                        } else if (job.state == JobState.SUBMITTED && groups.stream().anyMatch(JobTracker::started)) {
                            job.state = JobState.RUNNING;
                        }
                    }
                    Uni<Void> published = publish(job, groups, now);
                    return completed ? published.chain(() -> releaseDependents(job, now)) : published;
                });
    }

    /** Publishes the (locked) job's current state and progress, e.g. after a lifecycle command. */
    public Uni<Void> publishProgress(JobEntity job, Instant now) {
        return groupsOf(job).chain(groups -> publish(job, groups, now));
    }

    /**
     * A task of the job is DEAD: every task depending on it (transitively) is CANCELLED with the reason
     * {@code dependency <taskId> failed: <reason>}, then the job FAILS naming the dead task.
     */
    public Uni<Void> taskDead(JobEntity job, TaskEntity dead, String reason, Instant now) {
        String jobReason = "task " + dead.taskId + " failed after " + (dead.attempt - dead.attemptBase) + " attempts: "
                + reason;
        String dependentReason = "dependency " + dead.taskId + " failed: " + reason;
        return tasksOf(job).chain(tasks -> {
            Map<String, TaskEntity> byId = tasks.stream()
                    .collect(Collectors.toMap(t -> t.taskId, Function.identity()));
            List<Outbox.Pending> events = new ArrayList<>();
            for (String id : Readiness.dependentsOf(tasks.stream().map(TaskEntity::node).toList(), dead.taskId)) {
                TaskEntity dependent = byId.get(id);
                if (!dependent.state.terminal()) {
                    events.add(transitions.cancelled(dependent, dependentReason, now));
                }
            }
            return outbox.addAll(events);
        }).chain(() -> fail(job, jobReason, now));
    }

    /**
     * The job FAILED: every other non-terminal task is CANCELLED, and the jobs depending on it FAIL. Nothing of it
     * is rendered for nothing: the workers running its tasks are told their leases are gone (LeaseRevoked), and
     * assignment is told to drop its queued tasks (TasksWithdrawn, after every TaskReady of the job so far).
     */
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
        boolean failed = state == JobState.FAILED;
        return tasksOf(job).chain(tasks -> {
            List<Outbox.Pending> events = new ArrayList<>();
            List<TaskEntity> running = new ArrayList<>();
            for (TaskEntity task : tasks) {
                if (task.state.terminal()) {
                    continue;
                }
                if (failed && task.state == TaskState.RUNNING && task.workerId != null) {
                    // a cancelled job's workers stop its renders on JobCancelled; a failed job's must be told
                    running.add(task);
                }
                events.add(transitions.cancelled(task, taskReason, now));
            }
            // cancelling keeps the worker and attempt the revocation names
            Uni<Void> chain = outbox.addAll(events).chain(() -> Sequential.forEach(running,
                    task -> revocations.revoke(task, task.workerId, task.attempt, taskReason, now)));
            return failed ? chain.chain(() -> withdraw(job, taskReason, now)) : chain;
        }).chain(() -> groupsOf(job)).chain(groups -> publish(job, groups, now)).chain(() -> failDependents(job, now));
    }

    private Uni<Void> withdraw(JobEntity job, String reason, Instant now) {
        return outbox.add(Topics.TASKS_READY, job.jobId, "job:" + job.jobId + ":tasks-withdrawn:" + now.toEpochMilli(),
                new TasksWithdrawn(job.jobId, reason, now));
    }

    private Uni<Void> releaseReady(JobEntity job, Instant now) {
        if (job.state.terminal()) {
            return Uni.createFrom().voidItem();
        }
        return jobs.released(job).chain(released -> !released
                ? Uni.createFrom().voidItem()
                : tasksOf(job).chain(tasks -> {
                    Set<String> ready = new HashSet<>(
                            Readiness.releasable(tasks.stream().map(TaskEntity::node).toList(), true));
                    List<Outbox.Pending> events = new ArrayList<>();
                    for (TaskEntity task : tasks) {
                        if (ready.contains(task.taskId)) {
                            events.addAll(transitions.released(task, now));
                        }
                    }
                    return outbox.addAll(events);
                }));
    }

    /** The job COMPLETED: each unfinished job depending on it is re-evaluated (released once all its deps are). */
    private Uni<Void> releaseDependents(JobEntity job, Instant now) {
        return jobs.lockDependents(job.jobId).chain(dependents -> Sequential.forEach(
                dependents.stream().filter(dependent -> dependent.tasksTotal > 0).toList(), dependent -> {
                    LOG.infof("Job %s completed: re-evaluating dependent job %s", job.jobId, dependent.jobId);
                    return refresh(dependent, now);
                }));
    }

    /** The job FAILED or was CANCELLED: each unfinished job depending on it FAILS (and so on, transitively). */
    private Uni<Void> failDependents(JobEntity job, Instant now) {
        return jobs.lockDependents(job.jobId).chain(dependents -> Sequential.forEach(dependents,
                dependent -> fail(dependent, "dependency job " + job.jobId + " failed", now)));
    }

    private void finish(JobEntity job, JobState state, String reason) {
        job.state = state;
        job.reason = reason;
        metrics.jobFinished(state);
        LOG.infof("Job %s %s%s", job.jobId, state, reason == null ? "" : ": " + reason);
    }

    private Uni<Void> publish(JobEntity job, List<TaskGroup> groups, Instant now) {
        job.version = job.version + 1;
        job.updatedAt = now;
        JobProgress progress = new JobProgress(job.jobId, job.state,
                ProgressCalculator.ofGroups(job.framesTotal, job.tasksTotal, groups), job.reason, job.version, now,
                job.lifecycleSequence);
        return outbox.add(Topics.JOB_STATUS, job.jobId, "job:" + job.jobId + ":progress:" + job.version, progress);
    }

    private static boolean started(TaskGroup group) {
        return group.state() == TaskState.RUNNING || group.state() == TaskState.SUCCEEDED || group.maxAttempt() > 1;
    }

    private Uni<List<TaskGroup>> groupsOf(JobEntity job) {
        return Panache.flush().chain(Panache::getSession)
                .chain(session -> session.createNativeQuery(selectGroups, Object[].class)
                        .setParameter("jobId", job.jobId)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new TaskGroup(TaskState.valueOf((String) row[0]),
                        (String) row[1], ((Number) row[2]).intValue(), ((Number) row[3]).longValue(),
                        ((Number) row[4]).intValue())).toList());
    }

    private static Uni<List<TaskEntity>> tasksOf(JobEntity job) {
        return Panache.flush().chain(() -> TaskEntity.<TaskEntity>list("jobId = ?1 order by taskOrder, index",
                job.jobId));
    }
}
