package io.tessera.monitoring.task;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.contracts.tasks.TaskReady;
import io.tessera.monitoring.MonitoringConfig;
import io.tessera.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a state change to a (locked) task and writes its events to the outbox in the same transaction:
 * a TaskStatusChanged for every change, and a TaskReady (to {@code farm.tasks.ready.v1}, key jobId, ce_id
 * {@code task:{taskId}:{attempt}:ready}) whenever the task becomes QUEUED: released by its dependencies, or
 * requeued with the next attempt. Assignment dispatches it from there.
 */
@ApplicationScoped
public class TaskTransitions {

    private final Outbox outbox;
    private final MonitoringConfig config;

    TaskTransitions(Outbox outbox, MonitoringConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** QUEUED → RUNNING on {@code workerId} with a fresh lease. */
    public Uni<Void> start(TaskEntity task, String workerId, Instant now) {
        task.state = TaskState.RUNNING;
        task.workerId = workerId;
        task.reason = null;
        task.leaseExpiresAt = now.plus(config.leaseTimeout());
        return changed(task, now);
    }

    /** Renews the lease of a RUNNING task; not a status change. */
    public void extendLease(TaskEntity task, Instant now) {
        task.leaseExpiresAt = now.plus(config.leaseTimeout());
        task.updatedAt = now;
    }

    /** The current attempt was accepted and its outputs committed. */
    public Uni<Void> succeed(TaskEntity task, Instant now) {
        task.state = TaskState.SUCCEEDED;
        task.leaseExpiresAt = null;
        task.framesDone = task.frameCount();
        task.reason = null;
        return changed(task, now);
    }

    /**
     * The attempt ended badly ({@code via} is FAILED or STALLED); the task is QUEUED with the next attempt and a
     * TaskReady of that attempt is published.
     */
    public Uni<Void> retry(TaskEntity task, TaskState via, String reason, Instant now) {
        return endAttempt(task, via, reason, now).chain(() -> {
            task.state = TaskState.QUEUED;
            task.attempt = task.attempt + 1;
            task.workerId = null;
            task.framesDone = 0;
            return changed(task, now);
        }).chain(() -> announce(task, now));
    }

    /**
     * WAITING → QUEUED: the task's dependencies are done. Returns its status and TaskReady events instead of writing
     * them: the caller writes the events of many tasks with one {@link Outbox#addAll} (releasing a 1,000-task job
     * must not cost an insert, and a Hibernate flush of every loaded task, per task).
     */
    public List<Outbox.Pending> released(TaskEntity task, Instant now) {
        task.state = TaskState.QUEUED;
        task.reason = null;
        return List.of(statusEvent(task, now), readyEvent(task, now));
    }

    /**
     * Retry-failed: a DEAD task is QUEUED with its next attempt and a fresh attempt budget (the base becomes the
     * attempt it died at) and its TaskReady is published; a task CANCELLED because its job failed goes back to
     * WAITING with its next attempt and a fresh budget (the job's refresh releases it once its dependencies
     * succeeded). The new attempt fences off any result of the attempt that was cancelled. Returns the events for
     * the caller to write, as {@link #released} does.
     */
    public List<Outbox.Pending> retried(TaskEntity task, Instant now) {
        boolean dead = task.state == TaskState.DEAD;
        nextBudget(task);
        task.state = dead ? TaskState.QUEUED : TaskState.WAITING;
        return dead ? List.of(statusEvent(task, now), readyEvent(task, now)) : List.of(statusEvent(task, now));
    }

    private static void nextBudget(TaskEntity task) {
        task.attemptBase = task.attempt;
        task.attempt = task.attempt + 1;
        task.workerId = null;
        task.leaseExpiresAt = null;
        task.framesDone = 0;
        task.reason = null;
    }

    /** The attempt ended badly ({@code via} is FAILED or STALLED) and no attempt is left: DEAD. */
    public Uni<Void> dead(TaskEntity task, TaskState via, String reason, Instant now) {
        return endAttempt(task, via, reason, now).chain(() -> {
            task.state = TaskState.DEAD;
            return changed(task, now);
        });
    }

    /** Any non-terminal state → CANCELLED; returns the event for the caller to write with others ({@link #released}). */
    public Outbox.Pending cancelled(TaskEntity task, String reason, Instant now) {
        task.state = TaskState.CANCELLED;
        task.leaseExpiresAt = null;
        task.reason = reason;
        return statusEvent(task, now);
    }

    /**
     * The events of a task just created (version 1): its status, and its TaskReady when it was created QUEUED.
     * The caller adds them to the outbox of its transaction (many tasks at once: {@link Outbox#addAll}).
     */
    public List<Outbox.Pending> createdEvents(TaskEntity task, Instant now) {
        List<Outbox.Pending> events = new ArrayList<>(2);
        events.add(statusEvent(task, now));
        if (task.state == TaskState.QUEUED) {
            events.add(readyEvent(task, now));
        }
        return events;
    }

    private Uni<Void> announce(TaskEntity task, Instant now) {
        return outbox.add(readyEvent(task, now));
    }

    private static Outbox.Pending readyEvent(TaskEntity task, Instant now) {
        return new Outbox.Pending(Topics.TASKS_READY, task.jobId, null,
                "task:" + task.taskId + ":" + task.attempt + ":ready", new TaskReady(task.plan(), task.attempt, now));
    }

    private Uni<Void> endAttempt(TaskEntity task, TaskState via, String reason, Instant now) {
        task.state = via;
        task.reason = reason;
        task.leaseExpiresAt = null;
        return changed(task, now);
    }

    private Uni<Void> changed(TaskEntity task, Instant now) {
        return outbox.add(statusEvent(task, now));
    }

    /** Counts the change (version) and describes it as a TaskStatusChanged. */
    private static Outbox.Pending statusEvent(TaskEntity task, Instant now) {
        task.version = task.version + 1;
        task.updatedAt = now;
        TaskStatusChanged status = new TaskStatusChanged(task.taskId, task.jobId, task.index, task.frameStart,
                task.frameEnd, task.state, task.attempt, task.workerId, task.reason, task.version, now);
        return new Outbox.Pending(Topics.JOB_STATUS, task.jobId, null,
                "task:" + task.taskId + ":status:" + task.version, status);
    }
}
