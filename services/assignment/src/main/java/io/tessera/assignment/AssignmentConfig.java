package io.tessera.assignment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the assignment service. */
@ConfigMapping(prefix = "tessera.assignment")
public interface AssignmentConfig {

    /** A worker whose last heartbeat is older than this is no longer live. */
    @WithDefault("10s")
    Duration workerTimeout();

    /** How often the worker gauges are recomputed from the registry. */
    @WithDefault("5s")
    Duration gaugeRefresh();

    /** How many job ids are remembered to warn only once per job about unplaceable tasks. */
    @WithDefault("10000")
    int unplaceableJobsRemembered();
}
