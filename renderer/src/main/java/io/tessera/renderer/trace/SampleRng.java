package io.tessera.renderer.trace;

/**
 * A tiny random sequence seeded by hashing (x, y, frame, sample): every pixel sample owns its sequence, so a pixel's
 * value never depends on which other pixels were rendered or in what order (SplitMix64 steps).
 */
final class SampleRng {

    private long state;

    SampleRng(int x, int y, int frame, int sample) {
        long h = mix(0x7E55E7A5EEDL ^ x);
        h = mix(h ^ ((long) y << 21));
        h = mix(h ^ ((long) frame << 42));
        state = mix(h ^ sample);
    }

    /** The next value, uniform in [0, 1). */
    double next() {
        state += 0x9E3779B97F4A7C15L;
        return (mix(state) >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
