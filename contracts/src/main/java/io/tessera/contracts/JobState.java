package io.tessera.contracts;

/**
 * The lifecycle of a job as studios see it. SUSPENDED is a pause a studio asked for: none of the job's tasks that
 * is not running yet is dispatched until it is resumed; tasks already running finish (a suspend does not stop
 * renders in progress). It is not terminal.
 */
public enum JobState {
    SUBMITTED, RUNNING, SUSPENDED, COMPLETED, FAILED, CANCELLED;

    /** True when the job will not change any more on its own (a FAILED job changes again only when retried). */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
