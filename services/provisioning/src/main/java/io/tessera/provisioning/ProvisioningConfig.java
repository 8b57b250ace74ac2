package io.tessera.provisioning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tessera.contracts.Capability;
import java.time.Duration;
import java.util.List;

/** Configuration of the provisioning service: worker limits per capability and how the farm scales. */
@ConfigMapping(prefix = "tessera.provisioning")
public interface ProvisioningConfig {

    /** Which scaler starts and stops workers: {@code local} (processes on this machine). */
    @WithDefault("local")
    ScalerKind scaler();

    /** Limits of CPU workers. */
    Limits cpu();

    /** Limits of GPU workers. */
    Limits gpu();

    /** Queued tasks one new worker is expected to absorb: desired workers = ceil(queued / this) + busy workers. */
    @WithDefault("4")
    int tasksPerWorker();

    /** Stop a worker this service started once its capability had no queued task for this long. */
    @WithDefault("30s")
    Duration scaleDownIdle();

    /** Least time between two scaling actions of one capability. */
    @WithDefault("10s")
    Duration cooldown();

    /**
     * How long workers it started may take to show up in the farm status; until they do (or this passes) it takes
     * no further action for that capability, so it never overshoots its maximum while new workers boot.
     */
    @WithDefault("60s")
    Duration startupGrace();

    /** How often the last farm status of each capability is evaluated again (idle workers stop between statuses). */
    @WithDefault("1s")
    Duration evaluateEvery();

    /**
     * The command line pieces that start a worker; relative paths are resolved against {@link #baseDir()}. The client
     * compiler only, as every JVM of the embedded farm these local workers join (FarmOptions.CLIENT_COMPILER).
     */
    @WithDefault("${java.home}/bin/java,-Xmx256m,-XX:TieredStopAtLevel=1,-jar,services/worker/target/quarkus-app/quarkus-run.jar")
    List<String> workerCommand();

    /** Working directory of started workers, against which the worker command and the log directory resolve. */
    @WithDefault(".")
    String baseDir();

    /** Directory (relative to the base directory unless absolute) of one log file per started worker. */
    @WithDefault("logs/workers")
    String logDir();

    /** Passed to GPU workers as {@code tessera.worker.gpu.simulate}: pretend to have a GPU on a machine without one. */
    @WithDefault("false")
    boolean gpuSimulate();

    /** How long a stopped worker may take to exit after SIGTERM before it is killed. */
    @WithDefault("10s")
    Duration stopTimeout();

    /** The limits of {@code capability}. */
    default Limits limits(Capability capability) {
        return switch (capability) {
            case CPU -> cpu();
            case GPU -> gpu();
        };
    }

    /** The implementations of {@link io.tessera.provisioning.workers.WorkerScaler}. */
    enum ScalerKind {
        /** Worker processes on this machine. */
        LOCAL
    }

    /** How many workers of one capability the farm keeps. */
    interface Limits {

        /** Fewest workers of the capability; provisioning starts workers up to this many even with no queue. */
        @WithDefault("0")
        int min();

        /** Most workers of the capability; 0 means provisioning never starts workers of it. */
        @WithDefault("0")
        int max();
    }
}
