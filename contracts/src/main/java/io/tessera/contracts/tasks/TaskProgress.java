package io.tessera.contracts.tasks;

import java.time.Instant;

/** Frames finished so far by one attempt. */
public record TaskProgress(String taskId, String jobId, int attempt, String workerId,
                           int framesDone, int framesTotal, Instant at) implements TaskEvent {
}
