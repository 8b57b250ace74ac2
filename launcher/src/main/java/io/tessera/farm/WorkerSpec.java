package io.tessera.farm;

import java.util.Map;

/**
 * A render worker of the farm.
 *
 * @param id         the worker's id, e.g. {@code cpu-1}
 * @param capability {@code cpu} or {@code gpu}
 * @param extraProps additional {@code -D} properties of this worker only
 */
public record WorkerSpec(String id, String capability, Map<String, String> extraProps) {

    /** A worker without extra properties. */
    public static WorkerSpec of(String id, String capability) {
        return new WorkerSpec(id, capability, Map.of());
    }
}
