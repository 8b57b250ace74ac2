package io.tessera.monitoring.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tessera.contracts.TaskState;
import org.junit.jupiter.api.Test;

class LeaseRevocationsTest {

    @Test
    void anAttemptSupersededByALaterOneIsGone() {
        assertEquals("attempt 1 was superseded by attempt 2",
                LeaseRevocations.whyGone(TaskState.QUEUED, 2, null, 1, "cpu-1"));
        assertEquals("attempt 1 was superseded by attempt 3",
                LeaseRevocations.whyGone(TaskState.RUNNING, 3, "cpu-1", 1, "cpu-1"));
    }

    @Test
    void aCancelledOrDeadTaskHoldsNoLease() {
        assertEquals("the task is CANCELLED", LeaseRevocations.whyGone(TaskState.CANCELLED, 1, "cpu-1", 1, "cpu-1"));
        assertEquals("the task is DEAD", LeaseRevocations.whyGone(TaskState.DEAD, 3, "cpu-1", 3, "cpu-1"));
    }

    @Test
    void theSameAttemptHeldByAnotherWorkerIsGone() {
        assertEquals("attempt 2 runs on worker cpu-2",
                LeaseRevocations.whyGone(TaskState.RUNNING, 2, "cpu-2", 2, "cpu-1"));
        assertEquals("attempt 2 was accepted from worker cpu-2",
                LeaseRevocations.whyGone(TaskState.SUCCEEDED, 2, "cpu-2", 2, "cpu-1"));
    }

    @Test
    void theWorkersOwnOrNotYetStartedOrNewerAttemptIsLeftAlone() {
        assertNull(LeaseRevocations.whyGone(TaskState.RUNNING, 2, "cpu-1", 2, "cpu-1"), "its own running attempt");
        assertNull(LeaseRevocations.whyGone(TaskState.SUCCEEDED, 2, "cpu-1", 2, "cpu-1"), "its own accepted attempt");
        assertNull(LeaseRevocations.whyGone(TaskState.QUEUED, 2, null, 2, "cpu-1"), "its TaskStarted not applied yet");
        assertNull(LeaseRevocations.whyGone(TaskState.QUEUED, 2, null, 3, "cpu-1"), "an attempt monitoring does not know");
    }
}
