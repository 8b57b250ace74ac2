package io.tessera.submission.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.contracts.jobs.FrameRange;
import io.tessera.contracts.jobs.JobRequest;

/**
 * A job request as received, before validation: the shape of {@link JobRequest} with the capability kept as text,
 * so an unknown capability is reported as a violation of {@code requirements.capability} instead of a parse error.
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
        RequirementsInput requirements) {

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
                request.frames(), request.chunkSize(), request.output(), request.priority(), requirements);
    }
}
