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
     * queued beyond their free slots (see QueueDepth); 0 disables local queues.
     */
    @WithDefault("250ms")
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
