package io.tessera.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the monitoring service: leases, retries and farm-status reporting. */
@ConfigMapping(prefix = "tessera.monitoring")
public interface MonitoringConfig {

    /** How long a task's lease lasts without a TaskStarted, TaskProgress or worker heartbeat renewing it. */
    @WithDefault("15s")
    Duration leaseTimeout();

    /** How often the lease scanner looks for RUNNING tasks whose lease expired. */
    @WithDefault("1s")
    Duration leaseCheckInterval();

    /** Attempts a task gets before it is DEAD (and its job FAILED). */
    @WithDefault("3")
    int maxAttempts();

    /** How often FarmStatus is published per capability (and the task gauges refreshed). */
    @WithDefault("2s")
    Duration farmStatusInterval();

    /**
     * How often jobs touched by task events are re-evaluated: waiting tasks released, job state derived, one
     * JobProgress published per job. The price of a smaller value is more evaluations of large jobs.
     */
    @WithDefault("250ms")
    Duration progressInterval();

    /** A worker counts as live when its last heartbeat is younger than this (about three heartbeats). */
    @WithDefault("10s")
    Duration workerLiveness();
}
