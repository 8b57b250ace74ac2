package io.tessera.segmentation.auto;

import io.tessera.contracts.tasks.TaskPlanned;
import java.util.List;

/**
 * One wave of an {@code autoChunk} job's plan.
 *
 * @param number         0 for the probe, 1.. for the chunk waves
 * @param tasks          the wave's tasks in index order
 * @param framesPerTask  the chunk size of the wave (1 for the probe; the last task may be shorter)
 * @param last           true when the wave plans the job's last frame ({@code moreTasks = false} on its tasks)
 * @param after          the plan state once the wave is planned
 */
public record Wave(int number, List<TaskPlanned> tasks, long framesPerTask, boolean last, AutoPlanState after) {

    /** Normalises the task list to an immutable copy. */
    public Wave {
        tasks = List.copyOf(tasks);
    }
}
