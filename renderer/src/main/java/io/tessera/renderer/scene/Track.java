package io.tessera.renderer.scene;

import java.util.Arrays;
import java.util.List;

/**
 * Keyframes for one animation target such as {@code ball.center}. Frames before the first key or after the last
 * key take the value of that key.
 */
public final class Track {

    /** One key: the value (1 or 3 numbers) at a frame. */
    public record Key(int frame, List<Double> value) {

        /** Copies the value so the key stays immutable. */
        public Key {
            value = List.copyOf(value);
        }
    }

    private final String target;
    private final Interpolation interpolation;
    private final List<Key> keys;
    private final int[] frames;
    private final double[][] values;

    /**
     * @param target        animation target, {@code <id>.<property>} or {@code camera.<property>}
     * @param interpolation how values move between keys
     * @param keys          keys in strictly increasing frame order, at least one
     */
    public Track(String target, Interpolation interpolation, List<Key> keys) {
        this.target = target;
        this.interpolation = interpolation;
        this.keys = List.copyOf(keys);
        this.frames = new int[keys.size()];
        this.values = new double[keys.size()][];
        for (int i = 0; i < keys.size(); i++) {
            frames[i] = keys.get(i).frame();
            values[i] = keys.get(i).value().stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** The animation target, e.g. {@code ball.center}. */
    public String target() {
        return target;
    }

    /** How values move between keys. */
    public Interpolation interpolation() {
        return interpolation;
    }

    /** The keys in frame order. */
    public List<Key> keys() {
        return keys;
    }

    /** The interpolated value at {@code frame} (clamped to the first and last key). */
    public double[] valueAt(int frame) {
        int last = frames.length - 1;
        if (frame <= frames[0]) {
            return values[0].clone();
        }
        if (frame >= frames[last]) {
            return values[last].clone();
        }
        int i = 0;
        while (frames[i + 1] <= frame) {
            i++;
        }
        double t = interpolation.ease((double) (frame - frames[i]) / (frames[i + 1] - frames[i]));
        double[] a = values[i];
        double[] b = values[i + 1];
        double[] out = new double[a.length];
        for (int c = 0; c < a.length; c++) {
            out[c] = a[c] + (b[c] - a[c]) * t;
        }
        return out;
    }

    @Override
    public String toString() {
        return "Track[" + target + ", " + interpolation.id() + ", frames " + Arrays.toString(frames) + "]";
    }
}
