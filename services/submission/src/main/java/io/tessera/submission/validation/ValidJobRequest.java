package io.tessera.submission.validation;

import io.tessera.contracts.jobs.Requirements;

/**
 * A job request that passed every rule, with defaults applied.
 *
 * @param requestId   client correlation id, null when the REST client sent none
 * @param scene       the scene document as JSON text (already parsed once by the renderer)
 * @param output      the requested output directory relative to the output root, null for the default (job id)
 * @param taskCount   {@code ceil(frames / chunkSize)}
 */
public record ValidJobRequest(
        String requestId,
        String name,
        String studio,
        String scene,
        int frameStart,
        int frameEnd,
        int chunkSize,
        String output,
        int priority,
        Requirements requirements,
        int taskCount) {

    /** Frames in the job's inclusive range. */
    public int frameCount() {
        return frameEnd - frameStart + 1;
    }
}
