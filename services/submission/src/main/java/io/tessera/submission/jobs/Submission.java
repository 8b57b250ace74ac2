package io.tessera.submission.jobs;

/**
 * The outcome of submitting a job request.
 *
 * @param created false when the requestId was already known and {@code job} is the existing job
 */
public record Submission(JobView job, boolean created) {
}
