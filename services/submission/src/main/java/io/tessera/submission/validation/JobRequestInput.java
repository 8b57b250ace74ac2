package io.tessera.submission.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.FrameRange;
import io.tessera.contracts.jobs.JobRequest;
import io.tessera.contracts.jobs.TileGrid;
import java.util.List;

/**
 * A job request as received, before validation: the shape of {@link JobRequest} with the capability and the
 * strategy kept as text, so an unknown value is reported as a violation of its field instead of a parse error, and
 * {@code autoChunk} kept as raw JSON, so any value of it is named as not supported yet.
 */
public record JobRequestInput(
        String requestId,
        String name,
        String studio,
        JsonNode scene,
        FrameRange frames,
        Integer chunkSize,
        String output,
        Integer priority,
        RequirementsInput requirements,
        String strategy,
        TileGrid tiles,
        List<String> passes,
        JsonNode autoChunk,
        List<String> dependsOn,
        Boolean preview,
        Integer errorLimit,
        Integer blocklistThreshold) {

    /** Requirements as received: capability as text, minimums optional. */
    public record RequirementsInput(String capability, Integer minCores, Integer minMemoryMb) {
    }

    /** The input form of a typed contract request. */
    public static JobRequestInput of(JobRequest request) {
        RequirementsInput requirements = request.requirements() == null ? null
                : new RequirementsInput(
                        request.requirements().capability() == null ? null : request.requirements().capability().id(),
                        request.requirements().minCores(), request.requirements().minMemoryMb());
        return new JobRequestInput(request.requestId(), request.name(), request.studio(), request.scene(),
                request.frames(), request.chunkSize(), request.output(), request.priority(), requirements,
                request.strategy(), request.tiles(), request.passes(),
                request.autoChunk() == null ? null : Json.MAPPER.valueToTree(request.autoChunk()),
                request.dependsOn(), request.preview(), request.errorLimit(), request.blocklistThreshold());
    }
}
