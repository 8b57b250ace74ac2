package io.tessera.submission.jobs;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.JobState;
import io.tessera.submission.SubmissionConfig;
import io.tessera.submission.problems.Problem;
import io.tessera.submission.problems.ProblemException;
import io.tessera.submission.status.TaskDetail;
import io.tessera.submission.status.TaskReadModel;
import io.tessera.submission.status.TaskView;
import io.tessera.submission.validation.Channel;
import io.tessera.submission.validation.InvalidJobRequestException;
import io.tessera.submission.validation.JobRequestReader;
import io.tessera.submission.validation.JobRequestValidator;
import io.tessera.submission.validation.ValidJobRequest;
import io.tessera.submission.validation.Violation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The studios' REST gateway: submit, read, list, cancel, suspend, resume and retry jobs. Maps and validates only; {@link JobService} acts. */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final JobService jobs;
    private final JobLifecycleService lifecycle;
    private final TaskReadModel tasks;
    private final JobRequestValidator validator;
    private final SubmissionMetrics metrics;
    private final SubmissionConfig config;

    JobResource(JobService jobs, JobLifecycleService lifecycle, TaskReadModel tasks, JobRequestValidator validator,
            SubmissionMetrics metrics, SubmissionConfig config) {
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.tasks = tasks;
        this.validator = validator;
        this.metrics = metrics;
        this.config = config;
    }

    /** Submits a job: 201 with the new job, or 200 with the existing job when the requestId is already known. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit a job (JobRequest JSON)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = io.tessera.contracts.jobs.JobRequest.class)))
    public Uni<Response> submit(byte[] body) {
        ValidJobRequest request;
        try {
            request = validator.validate(JobRequestReader.read(body), Channel.REST);
        } catch (InvalidJobRequestException e) {
            metrics.rejected(Channel.REST);
            throw e;
        }
        return jobs.submit(request, Channel.REST)
                .onFailure(InvalidJobRequestException.class).invoke(e -> metrics.rejected(Channel.REST))
                .map(submission -> submission.created()
                ? Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/api/v1/jobs/" + submission.job().jobId())
                        .entity(submission.job()).build()
                : Response.ok(submission.job()).build());
    }

    /** One job. */
    @GET
    @Path("/{jobId}")
    @Operation(summary = "Read a job with its progress")
    public Uni<JobView> get(@PathParam("jobId") String jobId) {
        return jobs.find(jobId);
    }

    /** Jobs filtered by state, studio and requestId, newest first. */
    @GET
    @Operation(summary = "List jobs, newest first")
    public Uni<JobPage> list(@QueryParam("state") String state, @QueryParam("studio") String studio,
            @QueryParam("requestId") String requestId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<Violation> errors = new ArrayList<>();
        JobState jobState = parseState(state, errors);
        int pageNumber = parseInt("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = parseInt("size", size, 50, 1, config.maxPageSize(), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidQuery(errors));
        }
        return jobs.list(jobState, blankToNull(studio), blankToNull(requestId), pageNumber, pageSize);
    }

    /** The job's tasks as monitoring reported them, ordered by index. */
    @GET
    @Path("/{jobId}/tasks")
    @Operation(summary = "List a job's tasks")
    public Uni<List<TaskView>> tasks(@PathParam("jobId") String jobId) {
        return jobs.find(jobId).chain(job -> tasks.tasksOf(jobId));
    }

    /**
     * One task of the job with its failed and stalled attempts (attempt, outcome, worker, reason, time), oldest first;
     * 404 when the job or the task is unknown.
     */
    @GET
    @Path("/{jobId}/tasks/{taskId}")
    @Operation(summary = "Read one task of a job with the reasons of its failed attempts")
    public Uni<TaskDetail> task(@PathParam("jobId") String jobId, @PathParam("taskId") String taskId) {
        return jobs.find(jobId).chain(job -> tasks.task(jobId, taskId))
                .onItem().ifNull().failWith(() -> new ProblemException(Problem.taskNotFound(jobId, taskId)));
    }

    /** Cancels a job that has not finished: 200 with the cancelled job, 409 when it already finished. */
    @POST
    @Path("/{jobId}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel a job")
    public Uni<JobView> cancel(@PathParam("jobId") String jobId) {
        return jobs.cancel(jobId);
    }

    /**
     * Suspends a SUBMITTED or RUNNING job: 200 with the job in state SUSPENDED; 409 naming the state otherwise.
     * Tasks not running yet are held; running tasks finish (a suspend does not stop renders in progress).
     */
    @POST
    @Path("/{jobId}/suspend")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Suspend a job: hold its tasks that are not running yet (running tasks finish)")
    public Uni<JobView> suspend(@PathParam("jobId") String jobId) {
        return lifecycle.suspend(jobId);
    }

    /** Resumes a SUSPENDED job: 200 with the job (RUNNING, or SUBMITTED when none of its tasks started); 409 otherwise. */
    @POST
    @Path("/{jobId}/resume")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Resume a suspended job")
    public Uni<JobView> resume(@PathParam("jobId") String jobId) {
        return lifecycle.resume(jobId);
    }

    /**
     * Retries the failed tasks of a FAILED job: 200 with the job in state RUNNING; 409 naming the state otherwise.
     * Every DEAD task runs again with its next attempt and a fresh attempt budget, and so do the tasks the failure
     * cancelled.
     */
    @POST
    @Path("/{jobId}/retry-failed")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Retry the failed tasks of a failed job")
    public Uni<JobView> retryFailed(@PathParam("jobId") String jobId) {
        return lifecycle.retryFailed(jobId);
    }

    private static JobState parseState(String state, List<Violation> errors) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return JobState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Violation("state", "must be one of " + Arrays.toString(JobState.values())));
            return null;
        }
    }

    private static int parseInt(String name, String value, int fallback, int min, int max, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        errors.add(new Violation(name, max == Integer.MAX_VALUE
                ? "must be an integer >= " + min
                : "must be an integer between " + min + " and " + max));
        return fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
