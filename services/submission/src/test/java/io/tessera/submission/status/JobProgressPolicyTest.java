package io.tessera.submission.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.JobState;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.Progress;
import io.tessera.submission.jobs.JobEntity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobProgressPolicyTest {

    private static JobEntity job(JobState state, long version) {
        JobEntity job = new JobEntity();
        job.jobId = "j1";
        job.state = state;
        job.statusVersion = version;
        job.tasksByState = "{}";
        return job;
    }

    private static JobProgress progress(JobState state, long version, int framesDone) {
        return new JobProgress("j1", state, new Progress(4, Map.of("RUNNING", 1, "SUCCEEDED", 3), framesDone, 8),
                state.terminal() ? "done" : null, version, Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void appliesANewerVersion() {
        JobEntity job = job(JobState.SUBMITTED, -1);
        assertTrue(JobProgressPolicy.apply(job, progress(JobState.RUNNING, 3, 6)));
        assertEquals(JobState.RUNNING, job.state);
        assertEquals(3, job.statusVersion);
        assertEquals(6, job.framesDone);
        assertEquals(4, job.tasksTotal);
        assertTrue(job.tasksByState.contains("\"SUCCEEDED\":3"), job.tasksByState);
    }

    @Test
    void ignoresAnOlderOrEqualVersion() {
        JobEntity job = job(JobState.RUNNING, 5);
        assertFalse(JobProgressPolicy.apply(job, progress(JobState.RUNNING, 5, 2)));
        assertFalse(JobProgressPolicy.apply(job, progress(JobState.SUBMITTED, 4, 1)));
        assertEquals(JobState.RUNNING, job.state);
        assertEquals(0, job.framesDone);
    }

    @Test
    void neverMovesATerminalJobBack() {
        JobEntity completed = job(JobState.COMPLETED, 5);
        assertTrue(JobProgressPolicy.apply(completed, progress(JobState.RUNNING, 6, 7)));
        assertEquals(JobState.COMPLETED, completed.state);

        JobEntity cancelled = job(JobState.CANCELLED, 1);
        cancelled.reason = "cancelled by user";
        assertTrue(JobProgressPolicy.apply(cancelled, progress(JobState.COMPLETED, 9, 8)));
        assertEquals(JobState.CANCELLED, cancelled.state);
        assertEquals("cancelled by user", cancelled.reason);
        assertEquals(8, cancelled.framesDone);
    }

    @Test
    void movesARunningJobToATerminalStateWithItsReason() {
        JobEntity job = job(JobState.RUNNING, 1);
        assertTrue(JobProgressPolicy.apply(job, progress(JobState.FAILED, 2, 3)));
        assertEquals(JobState.FAILED, job.state);
        assertEquals("done", job.reason);
    }
}
