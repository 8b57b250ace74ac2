package io.tessera.segmentation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the segmentation service. */
@ConfigMapping(prefix = "tessera.segmentation")
public interface SegmentationConfig {

    /** The most tasks one job may be cut into; a job that would exceed it is dead-lettered. */
    @WithDefault("10000")
    int maxTasksPerJob();

    /** How many TaskPlanned records of one job are handed to the producer at once while waiting for acks. */
    @WithDefault("64")
    int publishConcurrency();

    /** How {@code autoChunk} jobs are cut. */
    AutoChunk autoChunk();

    /** Settings of {@code autoChunk} planning. */
    interface AutoChunk {

        /** The most frames one task of an {@code autoChunk} job renders, however fast its frames are. */
        @WithDefault("1000")
        int maxChunkSize();

        /** A wave takes every remaining frame when they fit in this many chunks (else half of them). */
        @WithDefault("4")
        int lastWaveChunks();
    }
}
