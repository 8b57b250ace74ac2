package io.tessera.renderer.trace;

/**
 * Light gathered for one pixel, summed over its antialiasing samples, linear RGB per component:
 * unshadowed diffuse (with ambient), unshadowed specular, the lit part of both that is not blocked, the mirror
 * part (or background), and the ambient occlusion visibility.
 */
final class Shading {

    final double[] diffuse = new double[3];
    final double[] specular = new double[3];
    final double[] lit = new double[3];
    final double[] reflection = new double[3];
    double occlusion;
    int samples;

    void clear() {
        for (int c = 0; c < 3; c++) {
            diffuse[c] = 0;
            specular[c] = 0;
            lit[c] = 0;
            reflection[c] = 0;
        }
        occlusion = 0;
        samples = 0;
    }

    /** The value of one pass for this pixel (averaged over the samples), channel c. */
    double pass(Pass pass, int c) {
        double n = samples;
        return switch (pass) {
            case BEAUTY -> (lit[c] + reflection[c]) / n;
            case DIFFUSE -> diffuse[c] / n;
            case SPECULAR -> specular[c] / n;
            case SHADOWS -> {
                double unshadowed = diffuse[c] + specular[c];
                yield unshadowed > 0 ? Math.min(1.0, lit[c] / unshadowed) : 1.0;
            }
            case REFLECTIONS -> reflection[c] / n;
            case AMBIENT_OCCLUSION -> occlusion / n;
        };
    }
}
