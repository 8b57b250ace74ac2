package io.tessera.contracts;

import java.util.Arrays;
import java.util.Locale;

/**
 * How work reaches workers ({@code tessera.distribution.mode}, the same value for assignment and every worker).
 * <ul>
 *   <li>{@link #CENTRALIZED}: assignment holds the queue and sends a task to a chosen worker only for a free slot;
 *       workers hold nothing queued.</li>
 *   <li>{@link #HYBRID}: as centralized, but assignment also pre-fills a bounded local queue per worker (sized from
 *       its task times); workers hand queued work to idle peers, and assignment asks a worker to hand work on when
 *       it sees an idle worker next to a queued one (the feedback loop).</li>
 *   <li>{@link #DECENTRALIZED}: assignment only relays ready tasks, in priority order, to the capability's task
 *       topic without choosing a worker; workers take them from the partitions their consumer group gives them and
 *       hand what they cannot start to idle peers through the coordination topic.</li>
 * </ul>
 */
public enum DistributionMode {
    CENTRALIZED, HYBRID, DECENTRALIZED;

    /** The lowercase name used in configuration and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether workers hand work they cannot start to idle peers. */
    public boolean peerHandOff() {
        return this != CENTRALIZED;
    }

    /**
     * Parses {@code centralized}, {@code hybrid} or {@code decentralized} (any case).
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static DistributionMode fromId(String id) {
        return Arrays.stream(values())
                .filter(m -> m.id().equalsIgnoreCase(id == null ? "" : id.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "must be one of [centralized, hybrid, decentralized], was '" + id + "'"));
    }
}
