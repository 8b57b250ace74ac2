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
 * @param state     {@code RUNNING}, or {@code STOPPING} on its last beat
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
        Instant sentAt) implements TesseraEvent {

    @Override
    public String subject() {
        return workerId;
    }
}
