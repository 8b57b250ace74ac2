package io.tessera.assignment.workers;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.Capability;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The worker registry over HTTP: {@code GET /api/v1/workers[?capability=cpu|gpu]}. */
@Path("/api/v1/workers")
public class WorkerResource {

    private final WorkerRegistry registry;

    WorkerResource(WorkerRegistry registry) {
        this.registry = registry;
    }

    /** Every registered worker (or those of one capability) with its live flag. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<WorkerView>> list(@QueryParam("capability") String capability) {
        Optional<Capability> filter = parse(capability);
        return registry.list(filter).map(workers -> {
            Instant now = Instant.now();
            return workers.stream().map(w -> WorkerView.of(w, registry.liveness(), now)).toList();
        });
    }

    private static Optional<Capability> parse(String capability) {
        if (capability == null || capability.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Capability.fromId(capability));
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException(Response.status(Response.Status.BAD_REQUEST)
                    .type("application/problem+json")
                    .entity(Map.of("type", "about:blank", "title", "Invalid query parameter", "status", 400,
                            "detail", "capability: " + e.getMessage()))
                    .build());
        }
    }
}
