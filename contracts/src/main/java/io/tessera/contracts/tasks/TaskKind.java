package io.tessera.contracts.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a task does: {@code render} frames (whole, one tile, or some passes), {@code assemble} a frame from its tiles,
 * or {@code composite} a frame from its passes.
 */
public enum TaskKind {
    RENDER, ASSEMBLE, COMPOSITE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TaskKind fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
