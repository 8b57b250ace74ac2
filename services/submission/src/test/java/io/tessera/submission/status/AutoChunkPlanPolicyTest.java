package io.tessera.submission.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.submission.jobs.JobEntity;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoChunkPlanPolicyTest {

    private static JobEntity autoJob() {
        JobEntity job = new JobEntity();
        job.jobId = "j1";
        job.autoTargetSeconds = 30;
        job.planComplete = false;
        return job;
    }

    private static TaskPlanned chunk(int index, int taskCount, int start, int end, boolean more) {
        return new TaskPlanned("j1-t" + index, "j1", index, taskCount, start, end, new Requirements(null, null, null),
                50, "{}", "/out", TaskKind.RENDER, null, List.of(), List.of(), List.of(), index, false, more);
    }

    @Test
    void theProbeThenAWaveSetTheTasksAndFramesPlannedAndTheWavesChunkSize() {
        JobEntity job = autoJob();
        AutoChunkPlanPolicy.apply(job, chunk(0, 1, 1, 1, true));
        assertEquals(1, job.tasksPlanned);
        assertEquals(1, job.framesPlanned);
        assertEquals(1, job.waveChunkSize);
        assertFalse(job.planComplete);

        AutoChunkPlanPolicy.apply(job, chunk(1, 3, 2, 26, true));
        AutoChunkPlanPolicy.apply(job, chunk(2, 3, 27, 30, true));
        assertEquals(3, job.tasksPlanned);
        assertEquals(30, job.framesPlanned);
        assertEquals(25, job.waveChunkSize, "the wave's longest task");
        assertFalse(job.planComplete);

        AutoChunkPlanPolicy.apply(job, chunk(3, 4, 31, 48, false));
        assertEquals(4, job.tasksPlanned);
        assertEquals(48, job.framesPlanned);
        assertEquals(18, job.waveChunkSize);
        assertTrue(job.planComplete);
    }

    @Test
    void aTaskOfAnOlderWaveAddsItsFramesOnly() {
        JobEntity job = autoJob();
        AutoChunkPlanPolicy.apply(job, chunk(3, 4, 31, 48, false));
        AutoChunkPlanPolicy.apply(job, chunk(1, 3, 2, 26, true));
        assertEquals(4, job.tasksPlanned);
        assertEquals(18 + 25, job.framesPlanned);
        assertEquals(18, job.waveChunkSize);
        assertTrue(job.planComplete, "an older wave's moreTasks does not reopen the plan");
    }

    @Test
    void aJobWithFixedChunksIsLeftAlone() {
        JobEntity job = new JobEntity();
        AutoChunkPlanPolicy.apply(job, chunk(0, 12, 1, 4, false));
        assertEquals(0, job.tasksPlanned);
        assertEquals(0, job.framesPlanned);
        assertEquals(0, job.waveChunkSize);
        assertTrue(job.planComplete);
    }
}
