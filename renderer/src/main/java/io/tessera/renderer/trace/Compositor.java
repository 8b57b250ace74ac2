package io.tessera.renderer.trace;

import io.tessera.renderer.image.Image;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the beauty image from passes. Per pixel and per linear RGB channel:
 *
 * <pre>
 *   beauty = (diffuse + specular) * shadows + reflections
 * </pre>
 *
 * The ray tracer defines the passes so this holds exactly in linear floats (see {@code renderer/README.md}):
 * with U = unshadowed light (direct diffuse + direct specular + ambient) and L = the part of it that is not blocked
 * (shadowed direct light + ambient times ambient occlusion), {@code diffuse + specular = U} and
 * {@code shadows = L / U} (1 where U = 0). The AMBIENT_OCCLUSION pass is a utility matte and not an input.
 */
public final class Compositor {

    /** The passes {@link #composite(Map)} needs. */
    public static final Set<Pass> INPUTS = EnumSet.of(Pass.DIFFUSE, Pass.SPECULAR, Pass.SHADOWS, Pass.REFLECTIONS);

    private Compositor() {
    }

    /**
     * Combines the passes into the beauty image.
     *
     * @throws IllegalArgumentException if an input pass is missing or the sizes differ
     */
    public static Image composite(Map<Pass, Image> passes) {
        for (Pass p : INPUTS) {
            if (passes.get(p) == null) {
                throw new IllegalArgumentException("missing pass '" + p.id() + "'; composite needs diffuse, "
                        + "specular, shadows, reflections");
            }
        }
        Image diffuse = passes.get(Pass.DIFFUSE);
        int w = diffuse.width();
        int h = diffuse.height();
        for (Pass p : INPUTS) {
            Image img = passes.get(p);
            if (img.width() != w || img.height() != h) {
                throw new IllegalArgumentException("pass '" + p.id() + "' is " + img.width() + "x" + img.height()
                        + ", expected " + w + "x" + h);
            }
        }
        Image specular = passes.get(Pass.SPECULAR);
        Image shadows = passes.get(Pass.SHADOWS);
        Image reflections = passes.get(Pass.REFLECTIONS);
        float[] out = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    out[(y * w + x) * 3 + c] = (diffuse.channel(x, y, c) + specular.channel(x, y, c))
                            * shadows.channel(x, y, c) + reflections.channel(x, y, c);
                }
            }
        }
        return Image.ofLinearRgb(w, h, out);
    }
}
