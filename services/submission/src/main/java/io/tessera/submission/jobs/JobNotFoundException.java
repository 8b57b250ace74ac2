package io.tessera.submission.jobs;

/** No job has the given id. */
public class JobNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String jobId;

    /** @param jobId the unknown id */
    public JobNotFoundException(String jobId) {
        super("no job with id '" + jobId + "'");
        this.jobId = jobId;
    }

    /** The unknown id. */
    public String jobId() {
        return jobId;
    }
}
