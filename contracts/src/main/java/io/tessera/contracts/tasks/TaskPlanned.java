package io.tessera.contracts.tasks;

import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.jobs.Requirements;

/**
 * Segmentation cut a job into this task. Task ids are derived from the job id and the index, so
 * re-planning the same job yields the same ids.
 *
 * @param index     0-based position of the task in its job
 * @param taskCount number of tasks the job was cut into
 * @param outputDir absolute directory the task's images are committed to
 */
public record TaskPlanned(
        String taskId,
        String jobId,
        int index,
        int taskCount,
        int frameStart,
        int frameEnd,
        Requirements requirements,
        int priority,
        String scene,
        String outputDir) implements TesseraEvent {

    @Override
    public String subject() {
        return taskId;
    }

    /** Number of frames this task renders. */
    public int frameCount() {
        return frameEnd - frameStart + 1;
    }
}
