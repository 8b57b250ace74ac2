package io.tessera.monitoring.task;

import io.tessera.contracts.TaskState;

/**
 * What {@link TaskLifecycle} needs to know about a task.
 *
 * @param state       the current state
 * @param attempt     the current attempt: the fencing token
 * @param workerId    the worker holding the lease, null when none does
 * @param attemptBase attempts used before the current attempt budget started (0 unless a retry-failed requeued the
 *                    task): the budget is spent when {@code attempt - attemptBase} reaches max-attempts
 */
public record TaskSnapshot(TaskState state, int attempt, String workerId, int attemptBase) {

    /** A task on its first attempt budget. */
    public TaskSnapshot(TaskState state, int attempt, String workerId) {
        this(state, attempt, workerId, 0);
    }

    /** Attempts used of the current budget, this one included. */
    public int attemptsUsed() {
        return attempt - attemptBase;
    }
}
