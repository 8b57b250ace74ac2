package io.tessera.monitoring.task;

import io.tessera.contracts.TaskState;

/**
 * What {@link TaskLifecycle} needs to know about a task.
 *
 * @param state    the current state
 * @param attempt  the current attempt: the fencing token
 * @param workerId the worker holding the lease, null when none does
 */
public record TaskSnapshot(TaskState state, int attempt, String workerId) {
}
