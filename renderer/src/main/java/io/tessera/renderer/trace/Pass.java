package io.tessera.renderer.trace;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A render pass (layer). How they combine into the beauty image is documented on {@link Compositor}.
 */
public enum Pass {
    /** The final image. */
    BEAUTY,
    /** Unshadowed diffuse light including the unoccluded ambient light. */
    DIFFUSE,
    /** Unshadowed specular highlights. */
    SPECULAR,
    /** Per-channel share of diffuse + specular that survives shadows and ambient occlusion, in [0, 1]. */
    SHADOWS,
    /** Mirror reflections plus the background where the camera sees no object. */
    REFLECTIONS,
    /** Ambient occlusion visibility in [0, 1] (white = open); a utility matte, already part of SHADOWS. */
    AMBIENT_OCCLUSION;

    /** The lowercase id used in files, APIs and job specs, e.g. {@code ambient_occlusion}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The pass with the given id.
     *
     * @throws IllegalArgumentException naming the allowed ids if there is none
     */
    public static Pass fromId(String id) {
        for (Pass p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pass '" + id + "'; allowed: "
                + Arrays.stream(values()).map(Pass::id).collect(Collectors.joining(", ")));
    }
}
