package io.tessera.assignment.workers;

import io.tessera.contracts.Capability;
import io.tessera.contracts.workers.GpuInfo;
import java.time.Instant;
import java.util.List;

/**
 * A registered worker as {@code GET /api/v1/workers} shows it, with whether it is live now, its calibration score
 * and the task-topic partitions it consumes.
 */
public record WorkerView(
        String workerId,
        Capability capability,
        int slots,
        int freeSlots,
        int cores,
        long memoryMb,
        List<GpuInfo> gpus,
        String gpuSource,
        String state,
        String host,
        Instant lastSeen,
        boolean live,
        double score,
        List<Integer> partitions) {

    /** The view of {@code worker} at {@code now}. */
    static WorkerView of(Worker worker, WorkerLiveness liveness, Instant now) {
        return new WorkerView(worker.workerId, worker.capability(), worker.slots, worker.freeSlots, worker.cores,
                worker.memoryMb, worker.gpus(), worker.gpuSource, worker.state,
                worker.host, worker.lastSeen, liveness.isLive(worker, now), worker.score, worker.partitions());
    }
}
