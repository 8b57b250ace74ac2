package io.tessera.submission.status;

import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.submission.jobs.JobEntity;

/**
 * How the first TaskPlanned of a task changes its autoChunk job's plan so far: the tasks planned (the largest
 * {@code taskCount} seen), the frames planned (every task's frames, once), the chunk size of the latest wave (its
 * longest task) and whether the plan is complete (the latest wave's {@code moreTasks} is false). A wave is told by its
 * {@code taskCount}: a larger one starts a new wave, an equal one belongs to the latest wave, a smaller one to an
 * older wave and changes neither the wave's chunk size nor the completeness. Jobs with fixed chunks are left alone.
 * Call it once per task, on the first TaskPlanned of that task: a redelivery would count its frames twice.
 */
public final class AutoChunkPlanPolicy {

    private AutoChunkPlanPolicy() {
    }

    /** Adds the first-seen {@code planned} task to the plan of {@code job} in place. */
    public static void apply(JobEntity job, TaskPlanned planned) {
        if (job.autoTargetSeconds == null) {
            return;
        }
        int plannedBefore = job.tasksPlanned;
        int taskCount = planned.taskCount();
        int frames = planned.frameCount();
        job.tasksPlanned = Math.max(plannedBefore, taskCount);
        job.framesPlanned += frames;
        if (taskCount > plannedBefore) {
            job.waveChunkSize = frames;
        } else if (taskCount == plannedBefore) {
            job.waveChunkSize = Math.max(job.waveChunkSize, frames);
        }
        if (taskCount >= plannedBefore) {
            job.planComplete = !planned.moreTasks();
        }
    }
}
