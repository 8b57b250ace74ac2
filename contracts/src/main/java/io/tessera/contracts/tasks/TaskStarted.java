package io.tessera.contracts.tasks;

import java.time.Instant;

/** A worker took the task and holds its lease for {@code attempt}. */
public record TaskStarted(String taskId, String jobId, int attempt, String workerId, Instant startedAt)
        implements TaskEvent {
}
