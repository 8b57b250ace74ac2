package io.tessera.segmentation.frames;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.segmentation.planning.SegmentationStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the inclusive frame range {@code [frameStart..frameEnd]} into chunks of {@code chunkSize} frames:
 * {@code [start, start+N-1], [start+N, start+2N-1], ...}, the last chunk shorter when N does not divide the range.
 * The arithmetic is done in {@code long}, so ranges reaching {@link Integer#MAX_VALUE} never overflow.
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
        if (job.frameEnd() < job.frameStart()) {
            throw new InvalidEventException("frameEnd: must not be before frameStart (" + job.frameStart()
                    + "), was " + job.frameEnd());
        }
        long count = taskCount(job.frameStart(), job.frameEnd(), job.chunkSize());
        if (count > maxTasks) {
            throw new InvalidEventException("chunkSize: frames " + job.frameStart() + ".." + job.frameEnd()
                    + " in chunks of " + job.chunkSize() + " make " + count + " tasks, more than the limit of "
                    + maxTasks);
        }
        int taskCount = (int) count;
        List<TaskPlanned> tasks = new ArrayList<>(taskCount);
        for (int index = 0; index < taskCount; index++) {
            long first = (long) job.frameStart() + (long) index * job.chunkSize();
            long last = Math.min(first + job.chunkSize() - 1, job.frameEnd());
            tasks.add(new TaskPlanned(SegmentationStrategy.taskId(job.jobId(), index), job.jobId(), index,
                    taskCount, (int) first, (int) last, job.requirements(), job.priority(), job.scene(),
                    job.outputDir()));
        }
        return tasks;
    }

    /** Number of chunks of {@code chunkSize} frames covering {@code [start..end]}. */
    static long taskCount(int start, int end, int chunkSize) {
        long frames = (long) end - start + 1;
        return (frames + chunkSize - 1) / chunkSize;
    }
}
