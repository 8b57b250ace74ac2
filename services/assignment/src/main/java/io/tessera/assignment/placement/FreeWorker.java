package io.tessera.assignment.placement;

import io.tessera.contracts.Capability;
import java.util.List;

/**
 * A live worker as the placement sees it.
 *
 * @param score      calibration score (higher is faster): the most capable free worker gets the top task
 * @param freeSlots  slots not taken by tasks dispatched to it and not finished
 * @param busySlots  slots taken now (rotates the partition choice)
 * @param partitions partitions of its capability's task topic it consumes; empty when it reported none
 * @param queueRoom  tasks it may still be given to queue locally beyond its free slots ({@link QueueDepth})
 */
public record FreeWorker(String workerId, Capability capability, int cores, long memoryMb, double score,
                         int freeSlots, int busySlots, List<Integer> partitions, int queueRoom) {

    /** Normalises absent partitions to none. */
    public FreeWorker {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }

    /** A worker without a local queue. */
    public FreeWorker(String workerId, Capability capability, int cores, long memoryMb, double score, int freeSlots,
                      int busySlots, List<Integer> partitions) {
        this(workerId, capability, cores, memoryMb, score, freeSlots, busySlots, partitions, 0);
    }
}
