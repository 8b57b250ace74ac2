package io.tessera.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What kind of worker a task needs; each capability has its own task topic. */
public enum Capability {
    CPU, GPU;

    /** The lowercase name used in JSON, topic names and configuration. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code cpu} or {@code gpu} (any case).
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    @JsonCreator
    public static Capability fromId(String id) {
        return Arrays.stream(values())
                .filter(c -> c.id().equalsIgnoreCase(id == null ? "" : id.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of [cpu, gpu], was '" + id + "'"));
    }
}
