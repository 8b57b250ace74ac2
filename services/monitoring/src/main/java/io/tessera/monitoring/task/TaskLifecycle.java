package io.tessera.monitoring.task;

import io.tessera.contracts.TaskState;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskEvent;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskProgress;
import io.tessera.contracts.tasks.TaskStarted;
import java.util.Objects;

/**
 * The task state machine as a pure policy: which worker event, in which state, for which attempt, does what.
 * The attempt is a fencing token: an event of any attempt other than the current one is {@link Action#STALE}.
 */
public final class TaskLifecycle {

    private final int maxAttempts;

    /** A lifecycle allowing {@code maxAttempts} attempts per task. */
    public TaskLifecycle(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    /** Decides what a worker's event does to the task. */
    public Decision onEvent(TaskSnapshot task, TaskEvent event) {
        if (event.attempt() != task.attempt()) {
            return Decision.of(Action.STALE, "attempt " + event.attempt() + " is not the current attempt "
                    + task.attempt());
        }
        if (task.state().terminal()) {
            return Decision.of(Action.IGNORE, "task is already " + task.state());
        }
        if (task.state() == TaskState.WAITING) {
            return Decision.of(Action.DEFER, "task is WAITING for its dependencies");
        }
        if (event instanceof TaskStarted started) {
            return onStarted(task, started.workerId());
        }
        if (event instanceof TaskProgress progress) {
            return heldBy(task, progress.workerId())
                    ? Decision.of(Action.EXTEND_LEASE, "progress")
                    : Decision.of(Action.IGNORE, notHolder(task, progress.workerId()));
        }
        if (event instanceof TaskCompleted completed) {
            return acceptsResult(task, completed.workerId())
                    ? Decision.of(Action.COMMIT, "completed by " + completed.workerId())
                    : Decision.of(Action.IGNORE, notHolder(task, completed.workerId()));
        }
        TaskFailed failed = (TaskFailed) event;
        return acceptsResult(task, failed.workerId())
                ? onFailed(task, failed)
                : Decision.of(Action.IGNORE, notHolder(task, failed.workerId()));
    }

    /** Decides what an expired lease does to the task. */
    public Decision onLeaseExpired(TaskSnapshot task) {
        if (task.state() != TaskState.RUNNING) {
            return Decision.of(Action.IGNORE, "task is " + task.state() + ", not RUNNING");
        }
        String reason = "lease of worker " + task.workerId() + " expired";
        return task.attemptsUsed() < maxAttempts ? Decision.of(Action.RETRY, reason) : Decision.of(Action.DEAD, reason);
    }

    /** Attempts a task gets. */
    public int maxAttempts() {
        return maxAttempts;
    }

    private static Decision onStarted(TaskSnapshot task, String workerId) {
        if (task.state() == TaskState.QUEUED) {
            return Decision.of(Action.START, "started by " + workerId);
        }
        if (task.state() == TaskState.RUNNING && Objects.equals(task.workerId(), workerId)) {
            return Decision.of(Action.EXTEND_LEASE, "duplicate start by the lease holder");
        }
        return Decision.of(Action.IGNORE, notHolder(task, workerId));
    }

    private Decision onFailed(TaskSnapshot task, TaskFailed failed) {
        String reason = failed.reason() == null || failed.reason().isBlank() ? "no reason given" : failed.reason();
        if (failed.retryable() && (failed.handedBack() || task.attemptsUsed() < maxAttempts)) {
            return Decision.of(Action.RETRY, reason);
        }
        return Decision.of(Action.DEAD, reason);
    }

    /** RUNNING on this worker, or QUEUED (the start may not have been seen): the attempt's result counts. */
    private static boolean acceptsResult(TaskSnapshot task, String workerId) {
        return task.state() == TaskState.QUEUED || heldBy(task, workerId);
    }

    private static boolean heldBy(TaskSnapshot task, String workerId) {
        return task.state() == TaskState.RUNNING && Objects.equals(task.workerId(), workerId);
    }

    private static String notHolder(TaskSnapshot task, String workerId) {
        return task.state() == TaskState.RUNNING
                ? "worker " + workerId + " does not hold the lease (held by " + task.workerId() + ")"
                : "task is " + task.state();
    }
}
