package io.tessera.segmentation.planning;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.tasks.TaskPlanned;
import java.util.List;

/**
 * One way of cutting a job into tasks (frames, later tiles or layers). A strategy is pure: planning the same job
 * twice yields the same tasks with the same ids, so a redelivered JobSubmitted republishes identical events.
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
}
