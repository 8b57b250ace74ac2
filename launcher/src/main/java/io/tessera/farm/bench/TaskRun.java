package io.tessera.farm.bench;

import java.time.Instant;

/**
 * One task attempt as the workers reported it: who ran it, when it started and ended, and how long its render took.
 *
 * @param taskId       the task
 * @param workerId     the worker (or baseline slot) that ran it
 * @param started      TaskStarted time
 * @param completed    TaskCompleted time
 * @param renderMillis render time the worker measured
 * @param ready        when the attempt could first run: its TaskReady (the farm's queue had it), or when the naive
 *                     baseline produced it; null if not seen
 */
public record TaskRun(String taskId, String workerId, Instant started, Instant completed, long renderMillis,
                      Instant ready) {

    /** Busy time of the slot that ran it, in milliseconds. */
    public double busyMillis() {
        return (completed.toEpochMilli() - started.toEpochMilli());
    }
}
