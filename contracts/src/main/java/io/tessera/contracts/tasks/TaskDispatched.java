package io.tessera.contracts.tasks;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * A task handed to the workers of its capability. {@code attempt} is the fencing token: only events of the
 * task's current attempt change its state, and only that attempt's output is committed.
 */
public record TaskDispatched(TaskPlanned task, int attempt, Instant dispatchedAt) implements TesseraEvent {

    @Override
    public String subject() {
        return task.taskId();
    }
}
