package io.tessera.contracts.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a job is cut into tasks. Every strategy works per frame, so all combine with a frame range:
 * {@code frames} (chunks of frames), {@code tiles} (frames × a grid of tiles plus one assembly task per frame),
 * {@code layers} (frames × render passes plus one composite task per frame).
 */
public enum Strategy {
    FRAMES, TILES, LAYERS;

    /** The lowercase name used in JSON. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code frames}, {@code tiles} or {@code layers} (any case).
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    @JsonCreator
    public static Strategy fromId(String id) {
        return Arrays.stream(values())
                .filter(s -> s.id().equalsIgnoreCase(id == null ? "" : id.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "must be one of [frames, tiles, layers], was '" + id + "'"));
    }
}
