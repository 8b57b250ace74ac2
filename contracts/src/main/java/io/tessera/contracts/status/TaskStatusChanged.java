package io.tessera.contracts.status;

import io.tessera.contracts.TaskState;
import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/** A task changed state (or attempt, or worker). {@code version} grows with every change of the task. */
public record TaskStatusChanged(
        String taskId,
        String jobId,
        int index,
        int frameStart,
        int frameEnd,
        TaskState state,
        int attempt,
        String workerId,
        String reason,
        long version,
        Instant at) implements TesseraEvent {

    @Override
    public String subject() {
        return taskId;
    }
}
