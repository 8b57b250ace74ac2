package io.tessera.assignment.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.contracts.workers.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private final Capacity capacity = new Capacity(Duration.ofSeconds(30));

    private static Capacity.Dispatch dispatched(String taskId, String workerId, Instant at) {
        return new Capacity.Dispatch(taskId, 1, workerId, at, false, null);
    }

    private static Capacity.Dispatch started(String taskId, String workerId, Instant at) {
        return new Capacity.Dispatch(taskId, 1, workerId, at.minusSeconds(1), true, at);
    }

    private static Capacity.WorkerLoad worker(int slots, Instant lastSeen, Lease... leases) {
        return new Capacity.WorkerLoad("w", slots, List.of(leases), lastSeen);
    }

    @Test
    void dispatchedTasksTakeSlotsOfTheirWorkerOnly() {
        List<Capacity.Dispatch> rows = List.of(dispatched("t1", "w", NOW.minusSeconds(5)),
                dispatched("t2", "w", NOW.minusSeconds(1)), dispatched("t3", "other", NOW));
        assertEquals(2, capacity.busy(worker(4, NOW), rows, NOW));
        assertEquals(2, capacity.free(worker(4, NOW), rows, NOW));
        assertEquals(0, capacity.free(worker(1, NOW), rows, NOW), "never negative");
    }

    @Test
    void aDispatchNoWorkerStartedWithinTheTimeoutNoLongerCounts() {
        List<Capacity.Dispatch> rows = List.of(dispatched("lost", "w", NOW.minusSeconds(31)),
                dispatched("fresh", "w", NOW.minusSeconds(30)));
        assertEquals(1, capacity.busy(worker(2, NOW), rows, NOW));
    }

    @Test
    void aStartedTaskCountsWhileItsLeaseIsListedOrNoHeartbeatCameSinceItsStart() {
        Instant start = NOW.minusSeconds(10);
        List<Capacity.Dispatch> rows = List.of(started("t1", "w", start));
        assertEquals(1, capacity.busy(worker(2, start.minusSeconds(1)), rows, NOW), "heartbeat older than the start");
        assertEquals(1, capacity.busy(worker(2, NOW, new Lease("t1", "job", 1)), rows, NOW), "lease listed");
        assertEquals(0, capacity.busy(worker(2, NOW), rows, NOW), "newer heartbeat without the lease");
        assertEquals(0, capacity.busy(worker(2, NOW, new Lease("t1", "job", 2)), rows, NOW),
                "a lease of another attempt is not this one");
    }

    @Test
    void startedLongAgoStillCountsWhileLeased() {
        List<Capacity.Dispatch> rows = List.of(started("t1", "w", NOW.minusSeconds(3600)));
        assertEquals(1, capacity.busy(worker(1, NOW, new Lease("t1", "job", 1)), rows, NOW));
    }

    @Test
    void aLeaseWithoutADispatchedRowTakesNoSlot() {
        // the newest heartbeat still lists t0, which completed since (its row is gone): its slot is free now
        List<Capacity.Dispatch> rows = List.of(dispatched("t1", "w", NOW));
        Capacity.WorkerLoad load = worker(2, NOW, new Lease("t0", "job", 1), new Lease("t1", "job", 1));
        assertEquals(1, capacity.busy(load, rows, NOW));
        assertEquals(1, capacity.free(load, rows, NOW));
    }
}
