package io.tessera.submission.blocklist;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A job's worker blocklist: the workers that failed the job's {@code blocklistThreshold} attempts and get none of
 * its tasks any more. A job whose every compatible worker is blocklisted waits (its tasks stay queued) until an
 * entry is cleared or another worker joins. Maps only; {@link Blocklists} acts.
 */
@Path("/api/v1/jobs/{jobId}/blocklist")
@Produces(MediaType.APPLICATION_JSON)
public class BlocklistResource {

    private final Blocklists blocklists;

    BlocklistResource(Blocklists blocklists) {
        this.blocklists = blocklists;
    }

    /** The blocklisted workers with their failures, last reason and since when; 404 when the job is unknown. */
    @GET
    @Operation(summary = "List the workers blocklisted for a job")
    public Uni<List<BlocklistView>> list(@PathParam("jobId") String jobId) {
        return blocklists.of(jobId);
    }

    /** Clears the whole blocklist: 204; 404 when the job is unknown. */
    @DELETE
    @Operation(summary = "Clear a job's worker blocklist")
    public Uni<Response> clear(@PathParam("jobId") String jobId) {
        return blocklists.clear(jobId, null).map(done -> Response.noContent().build());
    }

    /** Clears one worker's entry: 204; 404 when the job is unknown or the worker is not on its blocklist. */
    @DELETE
    @Path("/{workerId}")
    @Operation(summary = "Clear one worker from a job's blocklist")
    public Uni<Response> clearWorker(@PathParam("jobId") String jobId, @PathParam("workerId") String workerId) {
        return blocklists.clear(jobId, workerId).map(done -> Response.noContent().build());
    }
}
