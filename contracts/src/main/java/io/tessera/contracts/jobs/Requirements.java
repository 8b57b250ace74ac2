package io.tessera.contracts.jobs;

import io.tessera.contracts.Capability;

/** What a worker must offer to run a job's tasks. Cores and memory are optional minimums. */
public record Requirements(Capability capability, Integer minCores, Integer minMemoryMb) {

    /** Whether a worker with these resources satisfies the minimums. */
    public boolean satisfiedBy(Capability workerCapability, int cores, long memoryMb) {
        return capability == workerCapability
                && (minCores == null || cores >= minCores)
                && (minMemoryMb == null || memoryMb >= minMemoryMb);
    }
}
