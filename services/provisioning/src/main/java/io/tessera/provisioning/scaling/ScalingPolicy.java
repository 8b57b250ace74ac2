package io.tessera.provisioning.scaling;

import io.tessera.contracts.status.FarmStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides, from one capability's farm status, whether to start or stop workers. Pure: no clock, no I/O.
 *
 * <p>Desired workers = ceil(queued / tasksPerWorker) + busy workers, clamped to [min, max], where busy workers are
 * the running tasks measured in workers (running tasks / average slots per worker, rounded up). The current count
 * is the larger of the live workers the status reports and the workers this service started (a started worker
 * shows up in the status only after its first heartbeat). The policy never starts above max, never stops below
 * min, only stops workers this service started, only after the queue was empty for {@code scaleDownIdle}, and
 * acts at most once per {@code cooldown}.
 */
public final class ScalingPolicy {

    private final int tasksPerWorker;
    private final Duration scaleDownIdle;
    private final Duration cooldown;

    /**
     * @param tasksPerWorker queued tasks one new worker absorbs (at least 1)
     * @param scaleDownIdle  how long the queue must be empty before an own worker is stopped
     * @param cooldown       least time between two actions
     */
    public ScalingPolicy(int tasksPerWorker, Duration scaleDownIdle, Duration cooldown) {
        if (tasksPerWorker < 1) {
            throw new IllegalArgumentException("tasks-per-worker: must be at least 1, was " + tasksPerWorker);
        }
        this.tasksPerWorker = tasksPerWorker;
        this.scaleDownIdle = scaleDownIdle;
        this.cooldown = cooldown;
    }

    /**
     * @param status       the capability's latest farm status
     * @param ownWorkers   ids of running workers this service started, oldest first
     * @param min          fewest workers of the capability
     * @param max          most workers of the capability
     * @param idle         how long the capability has had no queued task (zero while tasks are queued)
     * @param lastActionAt when this service last acted for the capability, null if never
     * @param now          the current time
     */
    public ScalingDecision decide(FarmStatus status, List<String> ownWorkers, int min, int max, Duration idle,
                                  Instant lastActionAt, Instant now) {
        if (lastActionAt != null && now.isBefore(lastActionAt.plus(cooldown))) {
            return ScalingDecision.none("cooldown until " + lastActionAt.plus(cooldown));
        }
        int current = Math.max(status.workers(), ownWorkers.size());
        int busy = busyWorkers(status);
        int wanted = ceilDiv(status.queuedTasks(), tasksPerWorker) + busy;
        int desired = Math.min(max, Math.max(min, wanted));
        String state = "queued=" + status.queuedTasks() + " running=" + status.runningTasks() + " workers=" + current
                + " desired=" + desired + " (min=" + min + ", max=" + max + ")";
        if (current < desired) {
            return ScalingDecision.start(desired - current, (current < min ? "below minimum: " : "backlog: ") + state);
        }
        if (current > desired && current > min && !ownWorkers.isEmpty()) {
            if (status.queuedTasks() > 0 || idle.compareTo(scaleDownIdle) < 0) {
                return ScalingDecision.none("waiting for the queue to stay empty for " + scaleDownIdle + ": " + state);
            }
            String newest = ownWorkers.get(ownWorkers.size() - 1);
            return ScalingDecision.stop(newest, "no queued task for " + idle.toSeconds() + "s: " + state);
        }
        return ScalingDecision.none("steady: " + state);
    }

    private static int busyWorkers(FarmStatus status) {
        if (status.runningTasks() <= 0 || status.workers() <= 0 || status.slots() <= 0) {
            return 0;
        }
        long busy = ((long) status.runningTasks() * status.workers() + status.slots() - 1) / status.slots();
        return (int) Math.min(status.workers(), busy);
    }

    private static int ceilDiv(int a, int b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
