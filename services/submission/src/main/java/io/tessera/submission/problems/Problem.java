package io.tessera.submission.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tessera.submission.validation.Violation;
import java.util.List;

/**
 * An RFC 9457 problem details document, sent as {@code application/problem+json}.
 *
 * @param errors the fields at fault and the rules they broke; omitted when the problem is not about fields
 * @param state  the job's current state when the problem is a job state conflict; omitted otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> errors, String state) {

    /** A problem that names no job state. */
    public Problem(String type, String title, int status, String detail, List<Violation> errors) {
        this(type, title, status, detail, errors, null);
    }

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String BASE = "https://tessera.io/problems/";

    /** A 400 for an invalid job request listing every violation. */
    public static Problem invalidJob(List<Violation> errors) {
        return new Problem(BASE + "invalid-job", "Invalid job request", 400, count(errors), List.copyOf(errors));
    }

    /** A 400 for invalid query parameters. */
    public static Problem invalidQuery(List<Violation> errors) {
        return new Problem(BASE + "invalid-query", "Invalid query", 400, count(errors), List.copyOf(errors));
    }

    /** A 404 for a job id that names no job. */
    public static Problem jobNotFound(String jobId) {
        return new Problem(BASE + "job-not-found", "Job not found", 404, "no job with id '" + jobId + "'", null);
    }

    /** A 404 for a task id that names no task of the job. */
    public static Problem taskNotFound(String jobId, String taskId) {
        return new Problem(BASE + "task-not-found", "Task not found", 404,
                "job '" + jobId + "' has no task with id '" + taskId + "'", null);
    }

    /** A 404 for a worker that is not on the job's blocklist. */
    public static Problem workerNotBlocklisted(String jobId, String workerId) {
        return new Problem(BASE + "worker-not-blocklisted", "Worker not blocklisted", 404,
                "worker '" + workerId + "' is not on the blocklist of job '" + jobId + "'", null);
    }

    /** A 409 for an action the job's current state does not allow. */
    public static Problem jobStateConflict(String detail) {
        return jobStateConflict(detail, null);
    }

    /** A 409 for an action the job's current {@code state} does not allow, naming the state. */
    public static Problem jobStateConflict(String detail, String state) {
        return new Problem(BASE + "job-state-conflict", "Job state conflict", 409, detail, null, state);
    }

    /** Any other HTTP error, typed by its status. */
    public static Problem ofStatus(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    private static String count(List<Violation> errors) {
        return errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
    }
}
