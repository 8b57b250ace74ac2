package io.tessera.contracts.tasks;

import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.jobs.Requirements;
import java.util.List;

/**
 * Segmentation cut a job into this task. Task ids are derived from the job id and the index, so
 * re-planning the same job yields the same ids. All TaskPlanned of a job are keyed by jobId.
 * <p>
 * Most jobs are planned all at once. An {@code autoChunk} job is planned in waves (a probe task first, then chunks
 * sized from measured frame times): every TaskPlanned of a wave but the last says {@code moreTasks = true}, index
 * values continue across waves, and {@code taskCount} counts the tasks planned so far including this wave.
 *
 * @param index     0-based position of the task in its job ({@code index < taskCount})
 * @param taskCount number of tasks the job was cut into so far, including this task's wave
 * @param outputDir absolute directory the task's images are committed to
 * @param kind      render, assemble or composite
 * @param region    the tile a render task draws; null for whole frames
 * @param passes    pass ids a render task writes (a layers job); empty for beauty frames or tiles
 * @param inputs    committed files an assemble or composite task reads
 * @param dependsOn task ids of the same job that must succeed before this one may run
 * @param order     dispatch order within the job (0 first): key frames first, then bisection order
 * @param preview   a key-frame task of a preview job: runs before anyone else's regular tasks
 * @param moreTasks true when segmentation will plan more tasks of this job later (an {@code autoChunk} job before
 *                  its last wave); false when the job's plan is complete. Records written before this field existed
 *                  have no such field and read as false.
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
        String outputDir,
        TaskKind kind,
        PixelRegion region,
        List<String> passes,
        List<TaskInput> inputs,
        List<String> dependsOn,
        int order,
        boolean preview,
        boolean moreTasks) implements TesseraEvent {

    /** Normalises absent lists to empty ones and an absent kind to render. */
    public TaskPlanned {
        kind = kind == null ? TaskKind.RENDER : kind;
        passes = passes == null ? List.of() : List.copyOf(passes);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** A task of a job planned all at once ({@code moreTasks = false}). */
    public TaskPlanned(String taskId, String jobId, int index, int taskCount, int frameStart, int frameEnd,
                       Requirements requirements, int priority, String scene, String outputDir, TaskKind kind,
                       PixelRegion region, List<String> passes, List<TaskInput> inputs, List<String> dependsOn,
                       int order, boolean preview) {
        this(taskId, jobId, index, taskCount, frameStart, frameEnd, requirements, priority, scene, outputDir, kind,
                region, passes, inputs, dependsOn, order, preview, false);
    }

    /** A whole-frame render task without dependencies (the walking skeleton's shape). */
    public TaskPlanned(String taskId, String jobId, int index, int taskCount, int frameStart, int frameEnd,
                       Requirements requirements, int priority, String scene, String outputDir) {
        this(taskId, jobId, index, taskCount, frameStart, frameEnd, requirements, priority, scene, outputDir,
                TaskKind.RENDER, null, List.of(), List.of(), List.of(), index, false);
    }

    /**
     * What part of the job this task is, for progress per strategy: {@code chunk}, {@code tile}, {@code pass},
     * {@code assembly} or {@code composite}. The probe task of an {@code autoChunk} job is a one-frame
     * {@code chunk}: it writes a real final frame like any chunk.
     */
    public String part() {
        return switch (kind) {
            case ASSEMBLE -> "assembly";
            case COMPOSITE -> "composite";
            case RENDER -> region != null ? "tile" : passes.isEmpty() ? "chunk" : "pass";
        };
    }

    @Override
    public String subject() {
        return taskId;
    }

    /** Number of frames this task renders. */
    public int frameCount() {
        return frameEnd - frameStart + 1;
    }
}
