package io.tessera.submission.status;

import io.tessera.contracts.TaskState;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.submission.jobs.JsonColumns;
import java.time.Instant;
import java.util.List;

/**
 * A task as {@code GET /api/v1/jobs/{id}/tasks} shows it. {@code kind}, {@code part} and {@code order} are null
 * (and the lists empty) until the task's TaskPlanned arrived; {@code region} is null for whole frames.
 *
 * @param kind      render, assemble or composite
 * @param part      chunk, tile, pass, assembly or composite
 * @param region    the tile a render task draws
 * @param passes    the passes a render task writes
 * @param dependsOn task ids of the same job this one waits for
 * @param order     dispatch order within the job (0 first)
 */
public record TaskView(
        String taskId,
        int index,
        int frameStart,
        int frameEnd,
        TaskKind kind,
        String part,
        PixelRegion region,
        List<String> passes,
        List<String> dependsOn,
        Integer order,
        TaskState state,
        int attempt,
        String workerId,
        String reason,
        Instant updatedAt) {

    /** The view of a stored task. */
    public static TaskView of(TaskEntity task) {
        PixelRegion region = task.regionX == null ? null
                : new PixelRegion(task.regionX, task.regionY, task.regionWidth, task.regionHeight);
        return new TaskView(task.taskId, task.index, task.frameStart, task.frameEnd, task.kind, task.part, region,
                JsonColumns.strings(task.passes), JsonColumns.strings(task.dependsOn), task.order, task.state,
                task.attempt, task.workerId, task.reason, task.updatedAt);
    }
}
