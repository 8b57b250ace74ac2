package io.tessera.submission.status;

import io.tessera.contracts.TaskState;
import java.time.Instant;

/** A task as {@code GET /api/v1/jobs/{id}/tasks} shows it. */
public record TaskView(
        String taskId,
        int index,
        int frameStart,
        int frameEnd,
        TaskState state,
        int attempt,
        String workerId,
        String reason,
        Instant updatedAt) {

    /** The view of a stored task. */
    public static TaskView of(TaskEntity task) {
        return new TaskView(task.taskId, task.index, task.frameStart, task.frameEnd, task.state, task.attempt,
                task.workerId, task.reason, task.updatedAt);
    }
}
