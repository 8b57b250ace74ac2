package io.tessera.submission.validation;

import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.jobs.TileGrid;
import java.util.List;

/**
 * A job request that passed every rule that needs no database, with defaults applied. Its {@code dependsOn} is
 * checked against the stored jobs when the job is created ({@link DependencyRules}).
 *
 * @param requestId   client correlation id, null when the REST client sent none
 * @param scene       the scene document as JSON text (already parsed once by the renderer)
 * @param output      the requested output directory relative to the output root, null for the default (job id)
 * @param taskCount   the tasks the strategy cuts the job into ({@link TaskCounts}); 0 for an autoChunk job (its
 *                    chunks are sized by segmentation, within the task limit)
 * @param strategy    frames, tiles or layers
 * @param tiles       the grid of a tiles job (only the given pair set), else null
 * @param passes      the requested passes of a layers job, else empty
 * @param dependsOn   ids of jobs of the same studio that must complete first, without duplicates
 * @param preview     render the key frames before anyone else's regular frames
 * @param targetSeconds the target task duration of an autoChunk job, null for fixed chunks ({@code chunkSize} is then
 *                    1, the probe's size)
 * @param errorLimit  failed attempts after which the job FAILS (0: no limit), the farm's default when not requested
 * @param blocklistThreshold failures of one worker on the job after which it is blocklisted for the job (0: never),
 *                    the farm's default when not requested
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
        int taskCount,
        Strategy strategy,
        TileGrid tiles,
        List<String> passes,
        List<String> dependsOn,
        boolean preview,
        Integer targetSeconds,
        int errorLimit,
        int blocklistThreshold) {

    /** Normalises absent lists to empty ones. */
    public ValidJobRequest {
        passes = passes == null ? List.of() : List.copyOf(passes);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** Whether segmentation sizes the chunks from measured frame times. */
    public boolean autoChunk() {
        return targetSeconds != null;
    }

    /** Frames in the job's inclusive range. */
    public int frameCount() {
        return frameEnd - frameStart + 1;
    }
}
