package io.tessera.contracts.jobs;

/** An inclusive range of frame numbers. */
public record FrameRange(Integer start, Integer end) {

    /** Number of frames in the range (both ends included). */
    public int count() {
        return end - start + 1;
    }
}
