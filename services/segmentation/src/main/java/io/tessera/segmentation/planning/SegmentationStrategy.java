package io.tessera.segmentation.planning;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.tasks.TaskPlanned;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * One way of cutting a job into tasks (frames, tiles or layers). A strategy is pure: planning the same job twice
 * yields the same tasks with the same ids, so a redelivered JobSubmitted republishes identical events.
 */
public interface SegmentationStrategy {

    /**
     * Cuts {@code job} into its tasks, in index order.
     *
     * @throws InvalidEventException naming the field and the rule when the job cannot be cut
     */
    List<TaskPlanned> plan(JobSubmitted job);

    /** The task id of the task at {@code index} of {@code jobId}: {@code {jobId}-t{index:05d}}. */
    static String taskId(String jobId, int index) {
        return String.format("%s-t%05d", jobId, index);
    }

    /**
     * Number of frames of {@code [frameStart..frameEnd]}, as a long (the whole int range has 2^32 frames).
     *
     * @throws InvalidEventException when the range ends before it starts
     */
    static long frameCount(JobSubmitted job) {
        if (job.frameEnd() < job.frameStart()) {
            throw new InvalidEventException("frameEnd: must not be before frameStart (" + job.frameStart()
                    + "), was " + job.frameEnd());
        }
        return (long) job.frameEnd() - job.frameStart() + 1;
    }

    /**
     * Rejects a plan of {@code count} tasks above {@code maxTasks} before any task is built.
     *
     * @param field   the job field the dead-letter reason names
     * @param details how the count came about, e.g. {@code "frames 1..2 × (6 tiles + 1 assembly)"}
     * @return {@code count} as an int
     * @throws InvalidEventException when the plan is too large
     */
    static int checkTaskLimit(long count, int maxTasks, String field, String details) {
        if (count > maxTasks) {
            throw new InvalidEventException(field + ": " + details + " make " + count
                    + " tasks, more than the limit of " + maxTasks);
        }
        return (int) count;
    }

    /**
     * The output directory of {@code job}, where every task's outputs are committed.
     *
     * @throws InvalidEventException when it is missing or not a path
     */
    static Path outputDir(JobSubmitted job) {
        if (job.outputDir() == null || job.outputDir().isBlank()) {
            throw new InvalidEventException("outputDir: is required");
        }
        try {
            return Path.of(job.outputDir());
        } catch (InvalidPathException e) {
            throw new InvalidEventException("outputDir: is not a path: " + e.getMessage());
        }
    }

    /** {@code a × b} for non-negative factors, {@link Long#MAX_VALUE} when that overflows (over any task limit). */
    static long product(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
