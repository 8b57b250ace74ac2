package io.tessera.monitoring.farm;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.status.FarmStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Read API for operators: queue depth and workers per capability. */
@Path("/api/v1/farm")
public class FarmResource {

    private final FarmStatusService farm;

    FarmResource(FarmStatusService farm) {
        this.farm = farm;
    }

    /** The current FarmStatus of every capability. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<FarmStatus>> farm() {
        return farm.snapshot();
    }
}
