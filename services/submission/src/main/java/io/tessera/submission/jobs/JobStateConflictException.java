package io.tessera.submission.jobs;

import io.tessera.contracts.JobState;

/** The job's current state does not allow the requested action (e.g. cancelling a completed job). */
public class JobStateConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient JobState state;

    /** @param message names the job, its state and the refused action */
    public JobStateConflictException(String message) {
        this(message, null);
    }

    /**
     * @param message names the job, its state and the refused action
     * @param state   the job's current state, shown in the problem details as {@code state}
     */
    public JobStateConflictException(String message, JobState state) {
        super(message);
        this.state = state;
    }

    /** A refusal of {@code action} on job {@code jobId} in {@code state}, saying which states would allow it. */
    public static JobStateConflictException refused(String jobId, JobState state, String action, String allowedIn) {
        return new JobStateConflictException("job " + jobId + " is " + state + " and cannot be " + action
                + " (only a job that is " + allowedIn + " can)", state);
    }

    /** The job's current state; null when not known. */
    public JobState state() {
        return state;
    }
}
