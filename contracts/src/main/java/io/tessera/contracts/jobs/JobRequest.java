package io.tessera.contracts.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The SubmitJob command: the body of {@code POST /api/v1/jobs} and the value of a record on
 * {@code farm.job-requests.v1}. Pipelines may send it with any Kafka client as plain JSON.
 *
 * @param requestId   client-supplied correlation id; re-sending the same id never creates a second job
 * @param name        human name of the job
 * @param studio      the studio that owns the job
 * @param scene       the scene, in the built-in renderer's JSON format
 * @param frames      inclusive frame range
 * @param chunkSize   frames per task
 * @param output      output directory relative to the farm's output root; defaults to the job id
 * @param priority    0 (lowest) to 100 (highest); defaults to 50
 * @param requirements capability (cpu or gpu) and optional minimum cores and memory
 * @param strategy    {@code frames} (default), {@code tiles} or {@code layers}, as text so a wrong value can be named
 * @param tiles       the grid, for {@code tiles}
 * @param passes      the passes to render, for {@code layers}: diffuse, specular, shadows, reflections,
 *                    ambient_occlusion, and beauty on request
 * @param autoChunk   size chunks from measured frame times instead of {@code chunkSize}
 * @param dependsOn   ids of jobs of the same studio that must complete before this one starts
 * @param preview     render the key frames (first, last, middle) before anyone else's regular frames
 * @param errorLimit  failed attempts of the job (all its tasks together) after which it FAILS, 0..100000; 0 means no
 *                    limit; absent: the farm's default ({@code tessera.submission.default-error-limit})
 * @param blocklistThreshold failures of one worker on this job after which that worker gets none of its tasks any
 *                    more, 0..1000; 0 turns blocklisting off; absent: the farm's default
 *                    ({@code tessera.submission.default-blocklist-threshold})
 */
public record JobRequest(
        String requestId,
        String name,
        String studio,
        JsonNode scene,
        FrameRange frames,
        Integer chunkSize,
        String output,
        Integer priority,
        Requirements requirements,
        String strategy,
        TileGrid tiles,
        java.util.List<String> passes,
        AutoChunk autoChunk,
        java.util.List<String> dependsOn,
        Boolean preview,
        Integer errorLimit,
        Integer blocklistThreshold) {

    /** A request that leaves the error limit and the blocklist threshold to the farm's defaults. */
    public JobRequest(String requestId, String name, String studio, JsonNode scene, FrameRange frames,
                      Integer chunkSize, String output, Integer priority, Requirements requirements, String strategy,
                      TileGrid tiles, java.util.List<String> passes, AutoChunk autoChunk,
                      java.util.List<String> dependsOn, Boolean preview) {
        this(requestId, name, studio, scene, frames, chunkSize, output, priority, requirements, strategy, tiles,
                passes, autoChunk, dependsOn, preview, null, null);
    }

    /** A frames job (the walking skeleton's shape). */
    public JobRequest(String requestId, String name, String studio, JsonNode scene, FrameRange frames,
                      Integer chunkSize, String output, Integer priority, Requirements requirements) {
        this(requestId, name, studio, scene, frames, chunkSize, output, priority, requirements, null, null, null,
                null, null, null, null, null);
    }
}
