package io.tessera.worker.gpu;

import io.tessera.contracts.Capability;
import io.tessera.contracts.workers.GpuInfo;
import java.util.List;

/**
 * The GPUs a worker states in its heartbeat and where that statement comes from.
 *
 * @param gpus   detected GPUs, {@code [simulated]} for a simulated GPU worker, empty otherwise
 * @param source {@code detected}, {@code simulated} or {@code none}
 */
public record GpuInventory(List<GpuInfo> gpus, String source) {

    /** GPUs found on the machine. */
    public static final String DETECTED = "detected";
    /** No GPU present; the worker was explicitly configured to pretend it has one. */
    public static final String SIMULATED = "simulated";
    /** No GPU (CPU worker). */
    public static final String NONE = "none";
    /** The setting that allows a simulated GPU worker. */
    public static final String SIMULATE_KEY = "tessera.worker.gpu.simulate";

    /** Copies the list. */
    public GpuInventory {
        gpus = List.copyOf(gpus);
    }

    /**
     * Decides what a worker of {@code capability} reports, given the GPUs detected.
     *
     * @throws IllegalStateException for a gpu worker without GPU when simulation is not allowed
     */
    public static GpuInventory decide(Capability capability, List<GpuInfo> detected, boolean simulate) {
        if (!detected.isEmpty()) {
            return new GpuInventory(detected, DETECTED);
        }
        if (capability != Capability.GPU) {
            return new GpuInventory(List.of(), NONE);
        }
        if (!simulate) {
            throw new IllegalStateException("No GPU detected (nvidia-smi found none) but tessera.worker.capability=gpu;"
                    + " set " + SIMULATE_KEY + "=true to run as a simulated GPU worker, or run this worker with"
                    + " tessera.worker.capability=cpu");
        }
        return new GpuInventory(List.of(new GpuInfo("simulated", 0)), SIMULATED);
    }

    /** Whether this worker only pretends to have a GPU. */
    public boolean simulated() {
        return SIMULATED.equals(source);
    }
}
