package io.tessera.assignment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tessera.contracts.DistributionMode;

/** The farm's distribution mode ({@code tessera.distribution.mode}), the same for assignment and every worker. */
@ConfigMapping(prefix = "tessera.distribution")
public interface DistributionConfig {

    /** {@code centralized}, {@code hybrid} or {@code decentralized}; see {@link DistributionMode}. */
    @WithDefault("hybrid")
    DistributionMode mode();
}
