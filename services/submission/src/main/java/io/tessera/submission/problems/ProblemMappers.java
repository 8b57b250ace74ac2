package io.tessera.submission.problems;

import io.tessera.contracts.envelope.Json;
import io.tessera.submission.jobs.JobNotFoundException;
import io.tessera.submission.jobs.JobStateConflictException;
import io.tessera.submission.validation.InvalidJobRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every REST failure to problem details ({@code application/problem+json}). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidJob(InvalidJobRequestException e) {
        return respond(Problem.invalidJob(e.violations()));
    }

    @ServerExceptionMapper
    public Response jobNotFound(JobNotFoundException e) {
        return respond(Problem.jobNotFound(e.jobId()));
    }

    @ServerExceptionMapper
    public Response jobStateConflict(JobStateConflictException e) {
        return respond(Problem.jobStateConflict(e.getMessage(), e.state() == null ? null : e.state().name()));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return respond(Problem.ofStatus(status, title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf(e, "Request failed unexpectedly: %s", e.getMessage());
        return respond(Problem.ofStatus(500, "Internal Server Error", "the request failed; see the service log"));
    }

    /** A response carrying {@code problem} as {@code application/problem+json}. */
    public static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Json.write(problem))
                .build();
    }
}
