package io.tessera.submission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits the submission service enforces on every job request (REST and Kafka alike). */
@ConfigMapping(prefix = "tessera.submission")
public interface SubmissionConfig {

    /** The most frames one job may cover ({@code frames.end - frames.start + 1}). */
    @WithDefault("100000")
    int maxFrames();

    /**
     * The most tasks one job may be split into: frames {@code ceil(frames / chunkSize)}, tiles
     * {@code frames × (tiles + 1)}, layers {@code frames × (render passes + 1)}.
     */
    @WithDefault("10000")
    int maxTasks();

    /** The largest scene document accepted, in bytes of UTF-8 JSON text (256 KiB). */
    @WithDefault("262144")
    int maxSceneBytes();

    /** The smallest tile width and height in pixels a tiles job may ask for, unless the image itself is smaller. */
    @WithDefault("16")
    int minTileSize();

    /**
     * Failed attempts (all tasks of a job together) after which a job FAILS, for requests that set no
     * {@code errorLimit}; 0 means no limit.
     */
    @WithDefault("50")
    int defaultErrorLimit();

    /**
     * Failures of one worker on a job after which that worker gets none of the job's tasks any more, for requests
     * that set no {@code blocklistThreshold}; 0 turns blocklisting off.
     */
    @WithDefault("3")
    int defaultBlocklistThreshold();

    /** The largest page {@code GET /api/v1/jobs} returns. */
    @WithDefault("200")
    int maxPageSize();
}
