package io.tessera.renderer.image;

/**
 * The sRGB transfer function between linear values and 8-bit codes. Encoding is a binary search over the 255
 * mid-points between decoded codes, so {@code encode(decode(b)) == b} for every byte and no floating-point
 * function whose result could vary between machines is used per pixel.
 */
final class Srgb {

    private static final float[] DECODE = new float[256];
    private static final double[] THRESHOLDS = new double[255];

    static {
        for (int b = 0; b < 256; b++) {
            DECODE[b] = (float) toLinear(b / 255.0);
        }
        for (int b = 0; b < 255; b++) {
            THRESHOLDS[b] = toLinear((b + 0.5) / 255.0);
        }
    }

    private Srgb() {
    }

    /** The linear value of the 8-bit sRGB code {@code b}. */
    static float decode(int b) {
        return DECODE[b & 0xFF];
    }

    /** The nearest 8-bit sRGB code of a linear value (clamped to [0, 1]; NaN maps to 0). */
    static int encode(float linear) {
        if (!(linear > 0)) {
            return 0;
        }
        int lo = 0;
        int hi = 255;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (linear >= THRESHOLDS[mid]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double toLinear(double s) {
        return s <= 0.04045 ? s / 12.92 : StrictMath.pow((s + 0.055) / 1.055, 2.4);
    }
}
