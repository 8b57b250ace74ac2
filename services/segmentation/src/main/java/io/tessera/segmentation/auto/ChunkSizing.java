package io.tessera.segmentation.auto;

/**
 * The chunk size of an {@code autoChunk} job: as many frames as fit in the target duration at the measured speed,
 * {@code clamp(round(targetSeconds × 1000 / msPerFrame), minFrames, maxFrames)}. A frame measured at 0 ms (faster
 * than the clock) gets the largest chunk. Pure.
 */
public final class ChunkSizing {

    private ChunkSizing() {
    }

    /**
     * Frames per task so that one task takes about {@code targetSeconds}.
     *
     * @param minFrames at least this many frames (1, or more to stay within the task limit)
     * @param maxFrames at most this many frames ({@code tessera.segmentation.auto-chunk.max-chunk-size})
     */
    public static long framesPerTask(int targetSeconds, FrameTime measured, long minFrames, long maxFrames) {
        if (targetSeconds < 1) {
            throw new IllegalArgumentException("targetSeconds must be at least 1, was " + targetSeconds);
        }
        long low = Math.max(1, minFrames);
        long high = Math.max(low, maxFrames);
        if (measured.millis() == 0) {
            return high;
        }
        double frames = targetSeconds * 1000.0 / measured.millisPerFrame();
        long rounded = frames >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(frames);
        return Math.min(high, Math.max(low, rounded));
    }
}
