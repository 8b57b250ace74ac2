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

    private static JobProgress progress(JobState state, long version, int framesDone, long lifecycleSequence) {
        return new JobProgress("j1", state, new Progress(4, Map.of("QUEUED", 1, "SUCCEEDED", 3), framesDone, 8),
                null, version, Instant.parse("2030-01-01T00:00:00Z"), lifecycleSequence);
    }

    @Test
    void aStatePublishedBeforeTheNewestCommandUpdatesProgressButNotTheState() {
        JobEntity suspended = job(JobState.SUSPENDED, 4);
        suspended.lifecycleSequence = 1;
        assertTrue(JobProgressPolicy.apply(suspended, progress(JobState.RUNNING, 5, 6, 0)));
        assertEquals(JobState.SUSPENDED, suspended.state, "monitoring had not seen the suspend yet");
        assertEquals(6, suspended.framesDone);
        assertTrue(JobProgressPolicy.apply(suspended, progress(JobState.SUSPENDED, 6, 6, 1)));
        assertEquals(JobState.SUSPENDED, suspended.state);
        assertTrue(JobProgressPolicy.apply(suspended, progress(JobState.COMPLETED, 7, 8, 1)));
        assertEquals(JobState.COMPLETED, suspended.state, "a suspended job whose tasks all finished completes");
    }

    @Test
    void aRetriedJobIsNotTakenBackToFailedByAnOlderFailure() {
        JobEntity retried = job(JobState.RUNNING, 9);
        retried.lifecycleSequence = 2;
        assertTrue(JobProgressPolicy.apply(retried, progress(JobState.FAILED, 10, 3, 1)));
        assertEquals(JobState.RUNNING, retried.state);
        assertTrue(JobProgressPolicy.apply(retried, progress(JobState.FAILED, 11, 3, 2)));
        assertEquals(JobState.FAILED, retried.state, "a failure after the retry applies");
    }
}
