package io.tessera.contracts.workers;

import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;
import java.util.List;

/**
 * A worker's periodic statement of what it is and what it runs.
 *
 * @param gpuSource {@code detected} (GPUs found on the machine), {@code simulated} (explicitly configured,
 *                  no GPU present) or {@code none}
 * @param state     {@code RUNNING}; {@code DRAINING} after SIGTERM while its running tasks may finish (it takes no new
 *                  task and states no free slot); {@code STOPPING} on its last beat
 * @param score      capability score from a calibration render at start-up (reference frames per second; higher
 *                   is faster): high-priority tasks go to the most capable free workers first
 * @param partitions the partitions of its capability's task topic this worker consumes now
 */
public record WorkerHeartbeat(
        String workerId,
        Capability capability,
        int slots,
        int freeSlots,
        int cores,
        long memoryMb,
        List<GpuInfo> gpus,
        String gpuSource,
        List<Lease> leases,
        String host,
        long pid,
        String state,
        Instant sentAt,
        double score,
        List<Integer> partitions) implements TesseraEvent {

    /** Normalises absent lists to empty ones. */
    public WorkerHeartbeat {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }

    /** A heartbeat without calibration score and partitions (the walking skeleton's shape). */
    public WorkerHeartbeat(String workerId, Capability capability, int slots, int freeSlots, int cores,
                           long memoryMb, List<GpuInfo> gpus, String gpuSource, List<Lease> leases, String host,
                           long pid, String state, Instant sentAt) {
        this(workerId, capability, slots, freeSlots, cores, memoryMb, gpus, gpuSource, leases, host, pid, state,
                sentAt, 0.0, List.of());
    }

    @Override
    public String subject() {
        return workerId;
    }
}
