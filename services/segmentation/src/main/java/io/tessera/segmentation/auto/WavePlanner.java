package io.tessera.segmentation.auto;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.segmentation.planning.SegmentationStrategy;
import io.tessera.segmentation.priority.KeyFrameOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans an {@code autoChunk} job wave by wave. Pure and deterministic: the same job, state and measurement give the
 * same wave.
 * <ul>
 *   <li><b>First wave.</b> With frame-time history of the scene ({@link SceneKey}) the first wave is a chunk wave
 *       sized from it (wave 1). Without history a job of one frame is planned whole; a longer one gets a <b>probe</b>
 *       (wave 0): one task rendering the first frame, with {@code moreTasks = true}.</li>
 *   <li><b>Chunk wave</b> over the {@code R} unplanned frames, sized from a measured frame time:
 *       chunk {@code c = clamp(round(targetSeconds × 1000 / msPerFrame), minChunk, maxChunkSize)} where
 *       {@code minChunk = ceil(R / (maxTasksPerJob − tasks planned))} keeps the job within the task limit. If
 *       {@code R <= lastWaveChunks × c} the wave takes every remaining frame and is the last ({@code moreTasks =
 *       false}); otherwise it takes half the remaining frames rounded up to whole chunks,
 *       {@code c × ceil(ceil(R / 2) / c)}, and more waves follow.</li>
 *   <li>Task ids continue across waves ({@code {jobId}-t{index:05d}}); {@code taskCount} is the number of tasks
 *       planned so far including the wave. Within a wave the chunks are dispatched in key-frame order:
 *       {@code order = first index of the wave + rank}; a preview job marks the tasks of orders 0-2 as preview.</li>
 * </ul>
 * When the next wave is planned, and from which measurement, is {@link AutoChunkService}'s business.
 */
public final class WavePlanner {

    private final int maxTasks;
    private final int maxChunkSize;
    private final int lastWaveChunks;

    /**
     * @param maxTasks       the most tasks one job may be cut into
     * @param maxChunkSize   the most frames of one chunk
     * @param lastWaveChunks a wave takes every remaining frame when they fit in this many chunks
     */
    public WavePlanner(int maxTasks, int maxChunkSize, int lastWaveChunks) {
        if (maxTasks < 1 || maxChunkSize < 1 || lastWaveChunks < 1) {
            throw new IllegalArgumentException("maxTasks, maxChunkSize and lastWaveChunks must be at least 1");
        }
        this.maxTasks = maxTasks;
        this.maxChunkSize = maxChunkSize;
        this.lastWaveChunks = lastWaveChunks;
    }

    /**
     * Checks what an {@code autoChunk} job needs: strategy frames, a {@code targetSeconds} of at least 1, a frame
     * range that does not end before it starts.
     *
     * @throws InvalidEventException naming the field and the rule
     */
    public static void check(JobSubmitted job) {
        if (job.strategy() != Strategy.FRAMES) {
            throw new InvalidEventException("autoChunk: is only allowed with strategy frames, was "
                    + job.strategy().id());
        }
        if (job.autoChunk() == null || job.autoChunk().targetSeconds() == null) {
            throw new InvalidEventException("autoChunk.targetSeconds: is required");
        }
        if (job.autoChunk().targetSeconds() < 1) {
            throw new InvalidEventException("autoChunk.targetSeconds: must be at least 1, was "
                    + job.autoChunk().targetSeconds());
        }
        SegmentationStrategy.frameCount(job);
    }

    /** The job's first wave: sized from {@code history} when there is one, else a probe (or the whole 1-frame job). */
    public Wave first(JobSubmitted job, Optional<FrameTime> history) {
        check(job);
        AutoPlanState start = AutoPlanState.start(job.frameStart());
        if (history.isPresent()) {
            return chunkWave(job, start, 1, history.get());
        }
        if (job.frameStart() == job.frameEnd() || maxTasks < 2) {
            return chunkWave(job, start, 1, 1);
        }
        TaskPlanned probe = task(job, 0, 1, job.frameStart(), job.frameStart(), 0, true);
        return new Wave(0, List.of(probe), 1, false, new AutoPlanState(1, (long) job.frameStart() + 1, 0));
    }

    /**
     * The wave after {@code state}, sized from {@code measured}.
     *
     * @throws IllegalStateException when every frame is planned already
     */
    public Wave next(JobSubmitted job, AutoPlanState state, FrameTime measured) {
        return chunkWave(job, state, state.wave() + 1, measured);
    }

    private Wave chunkWave(JobSubmitted job, AutoPlanState state, int number, FrameTime measured) {
        long remaining = remaining(job, state);
        long chunk = ChunkSizing.framesPerTask(job.autoChunk().targetSeconds(), measured, minChunk(state, remaining),
                maxChunkSize);
        return chunkWave(job, state, number, chunk);
    }

    private Wave chunkWave(JobSubmitted job, AutoPlanState state, int number, long chunk) {
        long remaining = remaining(job, state);
        chunk = Math.max(chunk, minChunk(state, remaining));
        boolean last = remaining <= SegmentationStrategy.product(lastWaveChunks, chunk);
        long frames = last ? remaining : chunk * ceil(ceil(remaining, 2), chunk);
        int count = (int) ceil(frames, chunk);
        int taskCount = state.nextIndex() + count;
        int[] ranks = KeyFrameOrder.ranks(count);
        List<TaskPlanned> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long first = state.nextFrame() + i * chunk;
            long lastFrame = Math.min(first + chunk - 1, state.nextFrame() + frames - 1);
            tasks.add(task(job, state.nextIndex() + i, taskCount, (int) first, (int) lastFrame,
                    state.nextIndex() + ranks[i], !last));
        }
        return new Wave(number, tasks, chunk, last,
                new AutoPlanState(taskCount, state.nextFrame() + frames, number));
    }

    private long minChunk(AutoPlanState state, long remaining) {
        int budget = maxTasks - state.nextIndex();
        if (budget < 1) {
            throw new IllegalStateException("no task left of the limit of " + maxTasks + " for " + remaining
                    + " frames");
        }
        return ceil(remaining, budget);
    }

    private static long remaining(JobSubmitted job, AutoPlanState state) {
        long remaining = (long) job.frameEnd() - state.nextFrame() + 1;
        if (remaining < 1) {
            throw new IllegalStateException("job " + job.jobId() + " has no frame left to plan");
        }
        return remaining;
    }

    private static TaskPlanned task(JobSubmitted job, int index, int taskCount, int frameStart, int frameEnd,
                                    int order, boolean moreTasks) {
        return new TaskPlanned(SegmentationStrategy.taskId(job.jobId(), index), job.jobId(), index, taskCount,
                frameStart, frameEnd, job.requirements(), job.priority(), job.scene(), job.outputDir(),
                TaskKind.RENDER, null, List.of(), List.of(), List.of(), order,
                job.preview() && KeyFrameOrder.isPreviewRank(order), moreTasks);
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
