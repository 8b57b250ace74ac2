package io.tessera.segmentation.auto;

/**
 * Measured render time: {@code millis} spent rendering {@code frames} frames (sums over completed tasks). The
 * estimate of one frame is the frame-weighted average {@code millis / frames}.
 */
public record FrameTime(long millis, long frames) {

    /** Validates the sums. */
    public FrameTime {
        if (millis < 0 || frames < 1) {
            throw new IllegalArgumentException("a frame time needs millis >= 0 and frames >= 1, was " + millis
                    + " ms over " + frames + " frames");
        }
    }

    /** Average milliseconds per frame. */
    public double millisPerFrame() {
        return (double) millis / frames;
    }

    /** This time plus one more measurement. */
    public FrameTime plus(long moreMillis, long moreFrames) {
        return new FrameTime(millis + moreMillis, frames + moreFrames);
    }
}
