package io.tessera.segmentation.planning;

import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the tasks of one job in plan order: the n-th task added gets index n and the id
 * {@code {jobId}-t{n:05d}}; the job's requirements, priority, scene and output directory are copied to every task.
 * The number of tasks is known before the first one is built (strategies check the task limit first).
 */
public final class PlanBuilder {

    private final JobSubmitted job;
    private final int taskCount;
    private final List<TaskPlanned> tasks;

    /** @param taskCount how many tasks the plan will hold */
    public PlanBuilder(JobSubmitted job, int taskCount) {
        this.job = job;
        this.taskCount = taskCount;
        this.tasks = new ArrayList<>(taskCount);
    }

    /**
     * Appends a task and returns its id.
     *
     * @param region    the tile of a tile render task, else null
     * @param passes    the passes a layer render task writes, else empty
     * @param inputs    the files an assemble/composite task reads, else empty
     * @param dependsOn ids of tasks added before that must succeed first
     * @param order     dispatch order within the job (0 first)
     * @param preview   whether this is a key-frame task of a preview job
     */
    public String add(TaskKind kind, int frameStart, int frameEnd, PixelRegion region, List<String> passes,
                      List<TaskInput> inputs, List<String> dependsOn, int order, boolean preview) {
        int index = tasks.size();
        if (index >= taskCount) {
            throw new IllegalStateException("job " + job.jobId() + " was planned with " + taskCount + " tasks");
        }
        String taskId = SegmentationStrategy.taskId(job.jobId(), index);
        tasks.add(new TaskPlanned(taskId, job.jobId(), index, taskCount, frameStart, frameEnd, job.requirements(),
                job.priority(), job.scene(), job.outputDir(), kind, region, passes, inputs, dependsOn, order,
                preview));
        return taskId;
    }

    /** The tasks in plan order; exactly {@code taskCount} of them. */
    public List<TaskPlanned> build() {
        if (tasks.size() != taskCount) {
            throw new IllegalStateException("job " + job.jobId() + " was planned with " + taskCount
                    + " tasks but " + tasks.size() + " were built");
        }
        return List.copyOf(tasks);
    }
}
