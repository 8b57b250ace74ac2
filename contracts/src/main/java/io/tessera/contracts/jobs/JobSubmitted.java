package io.tessera.contracts.jobs;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;
import java.util.List;

/**
 * A validated job was accepted and persisted by the submission service.
 *
 * @param scene     the scene JSON, as text
 * @param outputDir absolute output directory of the job's images
 * @param chunkSize frames per task; for {@code autoChunk} jobs the size of the first (probe) task
 * @param tiles     the grid of a {@code tiles} job, else null
 * @param passes    the pass ids of a {@code layers} job, else empty
 * @param autoChunk set when chunks are sized from measured frame times
 * @param dependsOn jobs that must complete before this one starts
 * @param errorLimit failed attempts (all tasks together) after which the job FAILS; 0: no limit; null (records
 *                  written before the field existed): no limit
 * @param blocklistThreshold failures of one worker on the job after which the worker is blocklisted for it; 0 or
 *                  null: no blocklisting
 */
public record JobSubmitted(
        String jobId,
        String requestId,
        String name,
        String studio,
        String scene,
        int frameStart,
        int frameEnd,
        int chunkSize,
        String outputDir,
        int priority,
        Requirements requirements,
        Instant submittedAt,
        Strategy strategy,
        TileGrid tiles,
        List<String> passes,
        AutoChunk autoChunk,
        List<String> dependsOn,
        boolean preview,
        Integer errorLimit,
        Integer blocklistThreshold) implements TesseraEvent {

    /** Normalises absent lists to empty ones and an absent strategy to frames. */
    public JobSubmitted {
        strategy = strategy == null ? Strategy.FRAMES : strategy;
        passes = passes == null ? List.of() : List.copyOf(passes);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** A job without an error limit and without blocklisting. */
    public JobSubmitted(String jobId, String requestId, String name, String studio, String scene, int frameStart,
                        int frameEnd, int chunkSize, String outputDir, int priority, Requirements requirements,
                        Instant submittedAt, Strategy strategy, TileGrid tiles, List<String> passes,
                        AutoChunk autoChunk, List<String> dependsOn, boolean preview) {
        this(jobId, requestId, name, studio, scene, frameStart, frameEnd, chunkSize, outputDir, priority,
                requirements, submittedAt, strategy, tiles, passes, autoChunk, dependsOn, preview, null, null);
    }

    /** A frames job without dependencies (the walking skeleton's shape). */
    public JobSubmitted(String jobId, String requestId, String name, String studio, String scene, int frameStart,
                        int frameEnd, int chunkSize, String outputDir, int priority, Requirements requirements,
                        Instant submittedAt) {
        this(jobId, requestId, name, studio, scene, frameStart, frameEnd, chunkSize, outputDir, priority,
                requirements, submittedAt, Strategy.FRAMES, null, List.of(), null, List.of(), false);
    }

    @Override
    public String subject() {
        return jobId;
    }
}
