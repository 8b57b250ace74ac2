package io.tessera.contracts.tasks;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * A task handed to the workers of its capability. {@code attempt} is the fencing token: only events of the
 * task's current attempt change its state, and only that attempt's output is committed. {@code assignedWorker}
 * names the worker assignment chose (the record goes to a partition that worker consumes); null when any worker of
 * the capability may take it.
 */
public record TaskDispatched(TaskPlanned task, int attempt, Instant dispatchedAt, String assignedWorker)
        implements TesseraEvent {

    /** A dispatch to whichever worker of the capability takes it first. */
    public TaskDispatched(TaskPlanned task, int attempt, Instant dispatchedAt) {
        this(task, attempt, dispatchedAt, null);
    }

    @Override
    public String subject() {
        return task.taskId();
    }
}
