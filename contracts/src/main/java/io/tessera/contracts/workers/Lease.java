package io.tessera.contracts.workers;

/** A task attempt a worker is running; its heartbeat renews the lease. */
public record Lease(String taskId, String jobId, int attempt) {
}
