package io.tessera.assignment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the assignment service. */
@ConfigMapping(prefix = "tessera.assignment")
public interface AssignmentConfig {

    /** A worker whose last heartbeat is older than this is no longer live. */
    @WithDefault("10s")
    Duration workerTimeout();

    /** How often the worker gauges are recomputed from the registry. */
    @WithDefault("5s")
    Duration gaugeRefresh();

    /**
     * How often the dispatcher looks for queued tasks and free workers although no event asked it to (it runs after
     * every event that can make work dispatchable); a safety net, so every round it runs idle is CPU spent for nothing.
     */
    @WithDefault("1s")
    Duration dispatchInterval();

    /** A dispatched task no worker started within this time no longer takes a slot of its worker. */
    @WithDefault("30s")
    Duration dispatchTimeout();

    /**
     * The longest a task should wait in a worker's local queue: workers whose tasks take less than this get tasks
     * queued beyond their free slots (see QueueDepth); 0 disables local queues. 100 ms, not more: the mean task time
     * is an exponentially weighted mean, which a run of short tasks from a heavy-tailed mix pulls under a larger
     * target, and a task queued behind the long one that follows waits seconds while other workers idle (the 2026-12-08
     * bench: 250 ms queued 200 ms-minimum tasks on the fastest worker and left slots idle up to 1.85 s).
     */
    @WithDefault("100ms")
    Duration localQueueWait();

    /** The deepest local queue per worker slot. */
    @WithDefault("16")
    int localQueueMax();

    /**
     * Hybrid mode: after asking a worker to hand waiting tasks to an idle peer, assignment asks that worker again
     * only after this long (the peers' own status exchange usually acts first).
     */
    @WithDefault("1s")
    Duration handOffCooldown();

    /** How many of the highest-ranked queued tasks of a capability one dispatch round considers. */
    @WithDefault("500")
    int dispatchBatch();

    /** How many job ids are remembered to warn only once per job about unplaceable tasks. */
    @WithDefault("10000")
    int unplaceableJobsRemembered();
}
