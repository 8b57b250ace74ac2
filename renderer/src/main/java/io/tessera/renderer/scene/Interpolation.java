package io.tessera.renderer.scene;

import java.util.Locale;

/** How a track moves between two keys. */
public enum Interpolation {
    /** Constant speed between keys. */
    LINEAR,
    /** Ease in and out (smoothstep) between keys. */
    SMOOTH;

    /** The JSON name: {@code linear} or {@code smooth}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps the linear progress t in [0, 1] between two keys to the eased progress. */
    double ease(double t) {
        return this == LINEAR ? t : t * t * (3 - 2 * t);
    }
}
