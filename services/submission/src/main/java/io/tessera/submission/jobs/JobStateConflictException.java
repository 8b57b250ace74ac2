package io.tessera.submission.jobs;

/** The job's current state does not allow the requested action (e.g. cancelling a completed job). */
public class JobStateConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message names the job, its state and the refused action */
    public JobStateConflictException(String message) {
        super(message);
    }
}
