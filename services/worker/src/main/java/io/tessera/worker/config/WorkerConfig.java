package io.tessera.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.tessera.contracts.Capability;
import java.time.Duration;

/** Configuration of one worker process ({@code tessera.worker.*}). */
@ConfigMapping(prefix = "tessera.worker")
public interface WorkerConfig {

    /** The capability this worker offers ({@code cpu} or {@code gpu}); chooses the task topic. Required. */
    Capability capability();

    /** The worker's id in heartbeats, task events and its cancellation consumer group; defaults to hostname-pid. */
    String id();

    /** How many tasks this worker renders at once. */
    @WithDefault("1")
    int slots();

    /** How often the worker publishes its heartbeat (which also renews its leases). */
    @WithName("heartbeat-interval")
    @WithDefault("2s")
    Duration heartbeatInterval();

    /** GPU settings. */
    Gpu gpu();

    /** GPU settings of a worker. */
    interface Gpu {

        /**
         * Lets a {@code gpu} worker start on a machine where nvidia-smi finds no GPU; it then reports
         * {@code gpuSource=simulated} and renders with the CPU ray tracer.
         */
        @WithDefault("false")
        boolean simulate();
    }
}
