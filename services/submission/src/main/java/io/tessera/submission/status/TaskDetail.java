package io.tessera.submission.status;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * One task as {@code GET /api/v1/jobs/{id}/tasks/{taskId}} shows it: every field of {@link TaskView} plus the
 * attempts that failed or stalled, oldest first, each with its reason, worker and time.
 */
public record TaskDetail(@JsonUnwrapped TaskView task, List<AttemptView> attempts) {
}
