package io.tessera.contracts.tasks;

import java.time.Instant;

/**
 * An attempt failed. {@code retryable} is false when another attempt cannot succeed (e.g. the task's job was
 * cancelled). {@code handedBack} is true when the render did not fail but the worker gave the task back unfinished
 * because it is leaving (a drain whose grace period ran out): the next attempt is queued without counting this one
 * against the task's attempts, the job's error limit or the worker's blocklist threshold.
 */
public record TaskFailed(String taskId, String jobId, int attempt, String workerId,
                         String reason, boolean retryable, Instant failedAt, boolean handedBack) implements TaskEvent {

    /** A failure of the render itself (not a hand-back). */
    public TaskFailed(String taskId, String jobId, int attempt, String workerId, String reason, boolean retryable,
                      Instant failedAt) {
        this(taskId, jobId, attempt, workerId, reason, retryable, failedAt, false);
    }
}
