package io.tessera.renderer.scene;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The declared frame range of a scene and its keyframed tracks. */
public record Animation(int frameStart, int frameEnd, List<Track> tracks) {

    /** A still scene: frame 1 only, no tracks. */
    public static final Animation STILL = new Animation(1, 1, List.of());

    /** Copies the tracks so the animation stays immutable. */
    public Animation {
        tracks = List.copyOf(tracks);
    }

    /** The values of every track at {@code frame}. */
    Overrides at(int frame) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Track t : tracks) {
            values.put(t.target(), t.valueAt(frame));
        }
        return new Overrides(values);
    }
}
