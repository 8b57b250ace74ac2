package io.tessera.segmentation.frames;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.segmentation.planning.PlanBuilder;
import io.tessera.segmentation.planning.SegmentationStrategy;
import io.tessera.segmentation.priority.KeyFrameOrder;
import java.util.List;

/**
 * Cuts the inclusive frame range {@code [frameStart..frameEnd]} into chunks of {@code chunkSize} frames:
 * {@code [start, start+N-1], [start+N, start+2N-1], ...}, the last chunk shorter when N does not divide the range.
 * The arithmetic is done in {@code long}, so ranges reaching {@link Integer#MAX_VALUE} never overflow.
 * <p>
 * The chunks are dispatched in key-frame order over the chunk index ({@link KeyFrameOrder}): {@code order} is the
 * chunk's rank, and the chunks of the first {@value KeyFrameOrder#PREVIEW_RANKS} ranks of a preview job are marked
 * {@code preview}.
 */
public class FrameChunkStrategy implements SegmentationStrategy {

    private final int maxTasks;

    /** @param maxTasks the most tasks one job may be cut into */
    public FrameChunkStrategy(int maxTasks) {
        this.maxTasks = maxTasks;
    }

    @Override
    public List<TaskPlanned> plan(JobSubmitted job) {
        if (job.chunkSize() < 1) {
            throw new InvalidEventException("chunkSize: must be at least 1, was " + job.chunkSize());
        }
        SegmentationStrategy.frameCount(job);
        long count = taskCount(job.frameStart(), job.frameEnd(), job.chunkSize());
        int taskCount = SegmentationStrategy.checkTaskLimit(count, maxTasks, "chunkSize", "frames "
                + job.frameStart() + ".." + job.frameEnd() + " in chunks of " + job.chunkSize());
        int[] ranks = KeyFrameOrder.ranks(taskCount);
        PlanBuilder plan = new PlanBuilder(job, taskCount);
        for (int index = 0; index < taskCount; index++) {
            long first = (long) job.frameStart() + (long) index * job.chunkSize();
            long last = Math.min(first + job.chunkSize() - 1, job.frameEnd());
            plan.add(TaskKind.RENDER, (int) first, (int) last, null, List.of(), List.of(), List.of(), ranks[index],
                    job.preview() && KeyFrameOrder.isPreviewRank(ranks[index]));
        }
        return plan.build();
    }

    /** Number of chunks of {@code chunkSize} frames covering {@code [start..end]}. */
    static long taskCount(int start, int end, int chunkSize) {
        long frames = (long) end - start + 1;
        return (frames + chunkSize - 1) / chunkSize;
    }
}
