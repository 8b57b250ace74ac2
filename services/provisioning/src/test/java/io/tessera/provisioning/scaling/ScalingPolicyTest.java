package io.tessera.provisioning.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.status.FarmStatus;
import io.tessera.provisioning.scaling.ScalingDecision.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private final ScalingPolicy policy = new ScalingPolicy(4, Duration.ofSeconds(30), Duration.ofSeconds(10));

    private static FarmStatus status(int queued, int running, int workers, int slots) {
        return new FarmStatus(Capability.CPU, queued, running, workers, slots, slots - running, NOW);
    }

    @Test
    void backlogStartsCeilOfQueuedOverTasksPerWorker() {
        ScalingDecision d = policy.decide(status(9, 0, 0, 0), List.of(), 0, 10, Duration.ZERO, null, NOW);
        assertEquals(Action.START, d.action());
        assertEquals(3, d.count());
        assertTrue(d.reason().startsWith("backlog"), d.reason());
    }

    @Test
    void busyWorkersAddToTheDesiredCount() {
        // 2 workers with 4 slots each, 8 tasks running: both busy; 4 queued need one more worker.
        ScalingDecision d = policy.decide(status(4, 8, 2, 8), List.of(), 0, 10, Duration.ZERO, null, NOW);
        assertEquals(Action.START, d.action());
        assertEquals(1, d.count());
    }

    @Test
    void startsNeverExceedMax() {
        ScalingDecision d = policy.decide(status(100, 0, 1, 4), List.of(), 0, 3, Duration.ZERO, null, NOW);
        assertEquals(Action.START, d.action());
        assertEquals(2, d.count());
        assertEquals(Action.NONE,
                policy.decide(status(100, 0, 3, 12), List.of(), 0, 3, Duration.ZERO, null, NOW).action());
    }

    @Test
    void workersStartedButNotYetReportingCountTowardsMax() {
        ScalingDecision d = policy.decide(status(100, 0, 0, 0), List.of("cpu-auto-1", "cpu-auto-2"), 0, 2,
                Duration.ZERO, null, NOW);
        assertEquals(Action.NONE, d.action());
    }

    @Test
    void maxZeroNeverStartsWorkers() {
        assertEquals(Action.NONE,
                policy.decide(status(50, 0, 0, 0), List.of(), 0, 0, Duration.ZERO, null, NOW).action());
    }

    @Test
    void minimumIsStartedWithoutAQueue() {
        ScalingDecision d = policy.decide(status(0, 0, 0, 0), List.of(), 2, 5, Duration.ofHours(1), null, NOW);
        assertEquals(Action.START, d.action());
        assertEquals(2, d.count());
        assertTrue(d.reason().startsWith("below minimum"), d.reason());
    }

    @Test
    void neverStopsBelowMin() {
        ScalingDecision d = policy.decide(status(0, 0, 2, 8), List.of("cpu-auto-1", "cpu-auto-2"), 2, 5,
                Duration.ofHours(1), null, NOW);
        assertEquals(Action.NONE, d.action());
    }

    @Test
    void cooldownBlocksAnyActionUntilItPassed() {
        Instant lastAction = NOW.minusSeconds(5);
        ScalingDecision blocked = policy.decide(status(40, 0, 0, 0), List.of(), 0, 10, Duration.ZERO, lastAction, NOW);
        assertEquals(Action.NONE, blocked.action());
        assertTrue(blocked.reason().startsWith("cooldown"), blocked.reason());
        ScalingDecision after = policy.decide(status(40, 0, 0, 0), List.of(), 0, 10, Duration.ZERO, lastAction,
                NOW.plusSeconds(5));
        assertEquals(Action.START, after.action());
    }

    @Test
    void stopsTheNewestOwnWorkerOnlyAfterTheQueueWasIdleLongEnough() {
        List<String> own = List.of("cpu-auto-1", "cpu-auto-2");
        assertEquals(Action.NONE,
                policy.decide(status(0, 0, 3, 12), own, 0, 5, Duration.ofSeconds(29), null, NOW).action());
        ScalingDecision d = policy.decide(status(0, 0, 3, 12), own, 0, 5, Duration.ofSeconds(30), null, NOW);
        assertEquals(Action.STOP, d.action());
        assertEquals("cpu-auto-2", d.workerId());
    }

    @Test
    void neverStopsWorkersItDidNotStart() {
        ScalingDecision d = policy.decide(status(0, 0, 3, 12), List.of(), 0, 5, Duration.ofHours(1), null, NOW);
        assertEquals(Action.NONE, d.action());
    }

    @Test
    void doesNotStopWhileWorkersAreBusy() {
        // One own worker among two, both fully busy: nothing is idle even though the queue is empty.
        ScalingDecision d = policy.decide(status(0, 8, 2, 8), List.of("cpu-auto-1"), 0, 5, Duration.ofHours(1),
                null, NOW);
        assertEquals(Action.NONE, d.action());
    }

    @Test
    void rejectsTasksPerWorkerBelowOne() {
        assertThrows(IllegalArgumentException.class,
                () -> new ScalingPolicy(0, Duration.ofSeconds(1), Duration.ZERO));
    }
}
