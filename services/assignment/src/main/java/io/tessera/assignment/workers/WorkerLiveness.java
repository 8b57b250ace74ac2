package io.tessera.assignment.workers;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a worker is live: its newest heartbeat is at most {@code timeout} old and it did not announce that it is
 * stopping.
 */
public final class WorkerLiveness {

    /** The state a worker sends on its last heartbeat. */
    public static final String STOPPING = "STOPPING";

    /** The state of a worker that got SIGTERM: live (its running tasks count) but taking no new task. */
    public static final String DRAINING = "DRAINING";

    private final Duration timeout;

    /** @param timeout the longest silence of a live worker */
    public WorkerLiveness(Duration timeout) {
        this.timeout = timeout;
    }

    /** Whether a worker last seen at {@code lastSeen} in {@code state} is live at {@code now}. */
    public boolean isLive(String state, Instant lastSeen, Instant now) {
        return lastSeen != null
                && !STOPPING.equalsIgnoreCase(state)
                && !lastSeen.isBefore(now.minus(timeout));
    }

    /** Whether {@code worker} is live at {@code now}. */
    public boolean isLive(Worker worker, Instant now) {
        return isLive(worker.state, worker.lastSeen, now);
    }

    /** Whether {@code worker} is live at {@code now} and takes new tasks (it is not draining). */
    public boolean acceptsWork(Worker worker, Instant now) {
        return isLive(worker, now) && !DRAINING.equalsIgnoreCase(worker.state);
    }

    /**
     * The {@code last_seen} to record for a heartbeat sent at {@code sentAt} and received at {@code receivedAt}:
     * the send time (a heartbeat read late from the topic is old news), but never later than its receipt (a worker
     * whose clock runs ahead must not stay live after it died).
     */
    public static Instant lastSeen(Instant sentAt, Instant receivedAt) {
        return sentAt == null || sentAt.isAfter(receivedAt) ? receivedAt : sentAt;
    }
}
