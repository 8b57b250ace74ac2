package io.tessera.submission.status;

import java.time.Instant;

/**
 * An attempt of a task that ended badly, as {@code GET /api/v1/jobs/{id}/tasks/{taskId}} lists it.
 *
 * @param outcome  FAILED (the worker reported the failure) or STALLED (its lease expired: the worker died or froze)
 * @param workerId the worker the attempt ran on
 * @param reason   what the worker reported (exit code or message, log tail), or which lease expired
 * @param endedAt  when monitoring recorded the end of the attempt
 */
public record AttemptView(int attempt, String outcome, String workerId, String reason, Instant endedAt) {

    /** The view of a stored attempt. */
    static AttemptView of(TaskAttemptEntity attempt) {
        return new AttemptView(attempt.attempt, attempt.outcome, attempt.workerId, attempt.reason, attempt.endedAt);
    }
}
