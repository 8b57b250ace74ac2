package io.tessera.contracts;

/** The lifecycle of a job as studios see it. */
public enum JobState {
    SUBMITTED, RUNNING, COMPLETED, FAILED, CANCELLED;

    /** True when the job will not change any more. */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
