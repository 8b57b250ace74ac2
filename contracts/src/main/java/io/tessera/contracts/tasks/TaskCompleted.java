package io.tessera.contracts.tasks;

import java.time.Instant;
import java.util.List;

/** An attempt finished rendering; its outputs are staged and wait to be accepted. */
public record TaskCompleted(String taskId, String jobId, int attempt, String workerId,
                            List<TaskOutput> outputs, long renderMillis, Instant completedAt) implements TaskEvent {
}
