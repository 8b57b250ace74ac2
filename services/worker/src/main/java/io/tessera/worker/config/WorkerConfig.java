package io.tessera.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.tessera.contracts.Capability;
import java.time.Duration;
import java.util.Optional;

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

    /**
     * On SIGTERM the worker drains: it takes no new task and lets its running tasks finish for at most this long;
     * a task still running then is stopped and handed back (TaskFailed, retryable). Must be positive.
     */
    @WithName("drain-grace")
    @WithDefault("30s")
    Duration drainGrace();

    /**
     * The longest one task's render may run on this worker; a render running longer is stopped and reported as
     * TaskFailed (retryable, "run timeout: render exceeded ..."). Must be positive.
     */
    @WithName("run-timeout")
    @WithDefault("2h")
    Duration runTimeout();

    /**
     * Hybrid and decentralized modes: a task that has waited this long for one of this worker's slots is handed to
     * a peer that states a free slot (see {@code coordination.HandOff}).
     */
    @WithName("hand-off-after")
    @WithDefault("200ms")
    Duration handOffAfter();

    /**
     * Hybrid and decentralized modes: the shortest time between two of this worker's PeerStatus records. Changes
     * within it coalesce into the next status, so a worker running many short tasks sends a few statuses a second
     * instead of two per task, each read by every peer.
     */
    @WithName("peer-status-min-interval")
    @WithDefault("100ms")
    Duration peerStatusMinInterval();

    /** GPU settings. */
    Gpu gpu();

    /**
     * The render engine: {@code builtin} (the ray tracer) or {@code simulated} (waits a heavy-tailed time per frame and
     * writes a 1×1 frame, for benchmarks; see {@link #simulated()}).
     */
    @WithDefault("builtin")
    String engine();

    /**
     * Deterministic faults for chaos tests, off when absent (never set it in production): comma-separated rules
     * {@code fail|hang:frame=<n>:attempts=<n>|always}; an attempt of a task covering the frame, numbered up to
     * {@code attempts}, fails with a retryable error or hangs until the run timeout stops it. See
     * {@code io.tessera.worker.engine.FaultRules}; a bad spec fails start-up naming the rule.
     */
    Optional<String> faults();

    /** The simulated engine's workload. */
    Simulated simulated();

    /** Settings of {@code tessera.worker.engine=simulated}. */
    interface Simulated {

        /** Mean frame duration at speed factor 1; 0 gives zero-length tasks. */
        @WithDefault("0ms")
        Duration mean();

        /** Pareto shape of frame durations (> 1, smaller = heavier tail), or 0 for constant durations. */
        @WithDefault("0")
        double alpha();

        /** This worker's speed relative to the reference: frame durations are divided by it. */
        @WithName("speed-factor")
        @WithDefault("1")
        double speedFactor();
    }

    /**
     * A fixed capability score (reference frames per second) stated in heartbeats instead of calibrating, e.g. for
     * tests and benchmarks; absent = measure it at start-up.
     */
    Optional<Double> score();

    /** Start-up calibration render. */
    Calibration calibration();

    /** The calibration render that measures this worker's score. */
    interface Calibration {

        /**
         * Render a small reference scene at start-up (before the first heartbeat) and state its frames per second
         * as {@code score}; when false and no {@code tessera.worker.score} is set, the score is 0 (unknown).
         */
        @WithDefault("true")
        boolean enabled();
    }

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
