package io.tessera.submission.validation;

/** The arithmetic of splitting a frame range into chunks of frames, one task per chunk. */
public final class Chunking {

    private Chunking() {
    }

    /** Frames in the inclusive range {@code start..end}; 0 when the range is reversed. */
    public static long frameCount(int start, int end) {
        return Math.max(0L, (long) end - (long) start + 1L);
    }

    /** Tasks needed for {@code frames} frames in chunks of {@code chunkSize}: {@code ceil(frames / chunkSize)}. */
    public static long taskCount(long frames, int chunkSize) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunkSize must be > 0, was " + chunkSize);
        }
        return (frames + chunkSize - 1) / chunkSize;
    }
}
