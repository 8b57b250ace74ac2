package io.tessera.contracts;

/** The lifecycle of a task, owned by the monitoring service. */
public enum TaskState {
    PLANNED, WAITING, QUEUED, RUNNING, STALLED, SUCCEEDED, FAILED, DEAD, CANCELLED;

    /** True when the task will never run again. */
    public boolean terminal() {
        return this == SUCCEEDED || this == DEAD || this == CANCELLED;
    }
}
