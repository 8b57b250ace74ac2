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
}
