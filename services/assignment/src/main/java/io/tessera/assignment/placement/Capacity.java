package io.tessera.assignment.placement;

import io.tessera.contracts.workers.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Capacity accounting, pure: how many slots of a worker are taken. A task dispatched to the worker takes a slot
 * until its attempt completes or fails, except when it has evidently gone astray:
 * <ul>
 *   <li>never started and dispatched longer than the dispatch timeout ago (the worker never took it);</li>
 *   <li>started, but the worker's newest heartbeat, sent after the start, no longer lists its lease.</li>
 * </ul>
 * A task taken by another worker than the chosen one (its partition moved) counts for the worker that started it.
 * Leases are used only as evidence about dispatched attempts, never counted on their own: the newest heartbeat
 * may still list an attempt that has completed since, and counting it would keep a free slot idle until the
 * worker's next beat.
 */
public final class Capacity {

    /** A task attempt dispatched to a worker and not finished. */
    public record Dispatch(String taskId, int attempt, String workerId, Instant dispatchedAt, boolean started,
                           Instant startedAt) {
    }

    /** A worker's own statement: its slots, the leases it holds and when it last spoke. */
    public record WorkerLoad(String workerId, int slots, List<Lease> leases, Instant lastSeen) {

        /** Normalises absent leases to none. */
        public WorkerLoad {
            leases = leases == null ? List.of() : List.copyOf(leases);
        }
    }

    private final Duration dispatchTimeout;

    /** @param dispatchTimeout how long a dispatched task may stay unstarted and still take a slot */
    public Capacity(Duration dispatchTimeout) {
        this.dispatchTimeout = dispatchTimeout;
    }

    /** The slots of {@code worker} taken at {@code now} by {@code dispatches} (rows of any worker). */
    public int busy(WorkerLoad worker, Collection<Dispatch> dispatches, Instant now) {
        Set<String> leased = new HashSet<>();
        for (Lease lease : worker.leases()) {
            leased.add(key(lease.taskId(), lease.attempt()));
        }
        int busy = 0;
        for (Dispatch dispatch : dispatches) {
            if (worker.workerId().equals(dispatch.workerId()) && takesSlot(dispatch, worker, leased, now)) {
                busy++;
            }
        }
        return busy;
    }

    /** The free slots of {@code worker}: its slots minus the busy ones, never negative. */
    public int free(WorkerLoad worker, Collection<Dispatch> dispatches, Instant now) {
        return Math.max(0, worker.slots() - busy(worker, dispatches, now));
    }

    private boolean takesSlot(Dispatch dispatch, WorkerLoad worker, Set<String> leased, Instant now) {
        if (!dispatch.started()) {
            return !dispatch.dispatchedAt().isBefore(now.minus(dispatchTimeout));
        }
        boolean heartbeatAfterStart = worker.lastSeen() != null && dispatch.startedAt() != null
                && worker.lastSeen().isAfter(dispatch.startedAt());
        return !heartbeatAfterStart || leased.contains(key(dispatch.taskId(), dispatch.attempt()));
    }

    private static String key(String taskId, int attempt) {
        return taskId + "#" + attempt;
    }
}
