package io.tessera.farm;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A render worker of the farm.
 *
 * @param id         the worker's id, e.g. {@code cpu-1}
 * @param capability {@code cpu} or {@code gpu}
 * @param extraProps additional {@code -D} properties of this worker only
 */
public record WorkerSpec(String id, String capability, Map<String, String> extraProps) {

    /** Freezes the properties. */
    public WorkerSpec {
        extraProps = Map.copyOf(extraProps);
    }

    /** A worker without extra properties. */
    public static WorkerSpec of(String id, String capability) {
        return new WorkerSpec(id, capability, Map.of());
    }

    /** A copy that additionally gets {@code props} (replacing those of the same name). */
    public WorkerSpec withExtraProps(Map<String, String> props) {
        Map<String, String> merged = new HashMap<>(extraProps);
        merged.putAll(props);
        return new WorkerSpec(id, capability, merged);
    }

    /**
     * A copy whose render engine injects deterministic faults, for chaos tests: {@code tessera.worker.faults}, e.g.
     * {@code fail:frame=7:attempts=2,hang:frame=11:attempts=1} (the worker's README gives the rules).
     */
    public WorkerSpec withFaults(String rules) {
        return withExtraProps(Map.of("tessera.worker.faults", rules));
    }

    /** A copy whose renders are stopped (and reported as retryable failures) after {@code timeout}. */
    public WorkerSpec withRunTimeout(Duration timeout) {
        return withExtraProps(Map.of("tessera.worker.run-timeout", Farm.asConfigDuration(timeout)));
    }
}
