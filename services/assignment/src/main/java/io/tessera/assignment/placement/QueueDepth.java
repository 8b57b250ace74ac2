package io.tessera.assignment.placement;

import java.time.Duration;

/**
 * How many tasks a worker may hold queued beyond its free slots, pure. A worker whose tasks take well under
 * {@code target} gets {@code floor(target / mean task time)} queued per slot (at most {@code max}), so it never idles
 * for a dispatch round trip between two short tasks, while a queued task waits at most about {@code target} before
 * it starts: the "no idle worker while work waits" moment. Workers with tasks of {@code target} or longer, or whose
 * task time is not known yet, get no local queue: their next task is chosen when a slot frees.
 */
public final class QueueDepth {

    private final double targetMillis;
    private final int max;

    /**
     * @param target the longest a task should wait in a worker's local queue
     * @param max    the deepest local queue per slot
     */
    public QueueDepth(Duration target, int max) {
        this.targetMillis = target.toMillis();
        this.max = max;
    }

    /** The local queue a worker of {@code slots} slots and mean task time {@code taskMillis} (null: unknown) gets. */
    public int depth(int slots, Double taskMillis) {
        if (taskMillis == null || max <= 0 || taskMillis >= targetMillis) {
            return 0;
        }
        double perSlot = targetMillis / Math.max(1.0, taskMillis);
        return (int) Math.min((long) max * slots, (long) Math.floor(perSlot) * slots);
    }

    /** Room left in the local queue when {@code busy} tasks are dispatched to a worker of {@code slots} slots. */
    public int room(int slots, int busy, Double taskMillis) {
        return Math.max(0, depth(slots, taskMillis) - Math.max(0, busy - slots));
    }
}
