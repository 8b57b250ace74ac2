package io.tessera.assignment.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkerLivenessTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private final WorkerLiveness liveness = new WorkerLiveness(Duration.ofSeconds(10));

    @Test
    void recentHeartbeatIsLive() {
        assertTrue(liveness.isLive("RUNNING", NOW.minusSeconds(3), NOW));
        assertTrue(liveness.isLive("RUNNING", NOW.minusSeconds(10), NOW), "exactly the timeout is still live");
    }

    @Test
    void silentWorkerIsNotLive() {
        assertFalse(liveness.isLive("RUNNING", NOW.minusMillis(10_001), NOW));
        assertFalse(liveness.isLive("RUNNING", null, NOW));
    }

    @Test
    void stoppingWorkerIsNotLive() {
        assertFalse(liveness.isLive("STOPPING", NOW, NOW));
    }

    @Test
    void aDrainingWorkerIsLiveButTakesNoNewWork() {
        Worker draining = new Worker();
        draining.state = "DRAINING";
        draining.lastSeen = NOW.minusSeconds(1);
        Worker running = new Worker();
        running.state = "RUNNING";
        running.lastSeen = NOW.minusSeconds(1);
        assertTrue(liveness.isLive(draining, NOW), "its running tasks still hold their slots");
        assertFalse(liveness.acceptsWork(draining, NOW));
        assertTrue(liveness.acceptsWork(running, NOW));
    }

    @Test
    void lastSeenIsTheSendTimeButNeverInTheFuture() {
        assertEquals(NOW.minusSeconds(30), WorkerLiveness.lastSeen(NOW.minusSeconds(30), NOW));
        assertEquals(NOW, WorkerLiveness.lastSeen(NOW.plusSeconds(3600), NOW));
        assertEquals(NOW, WorkerLiveness.lastSeen(null, NOW));
    }
}
