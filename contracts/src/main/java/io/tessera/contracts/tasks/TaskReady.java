package io.tessera.contracts.tasks;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * Monitoring says a task may run now with {@code attempt}: its dependencies (tasks and jobs) succeeded, or an
 * earlier attempt failed or stalled. Assignment queues it by priority and dispatches it when a worker is free.
 */
public record TaskReady(TaskPlanned task, int attempt, Instant readyAt) implements TesseraEvent {

    @Override
    public String subject() {
        return task.taskId();
    }
}
