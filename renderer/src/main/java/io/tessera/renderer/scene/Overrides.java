package io.tessera.renderer.scene;

import java.util.Map;

/** The animated values of one frame, keyed by animation target such as {@code ball.center}. */
public final class Overrides {

    private final Map<String, double[]> values;

    Overrides(Map<String, double[]> values) {
        this.values = values;
    }

    Vec3 vector(String target, Vec3 fallback) {
        double[] v = values.get(target);
        return v == null ? fallback : new Vec3(v[0], v[1], v[2]);
    }

    double number(String target, double fallback) {
        double[] v = values.get(target);
        return v == null ? fallback : v[0];
    }
}
