package io.tessera.contracts.tasks;

import java.time.Instant;

/**
 * An attempt failed. {@code retryable} is false when another attempt cannot succeed (e.g. the task's job was
 * cancelled).
 */
public record TaskFailed(String taskId, String jobId, int attempt, String workerId,
                         String reason, boolean retryable, Instant failedAt) implements TaskEvent {
}
