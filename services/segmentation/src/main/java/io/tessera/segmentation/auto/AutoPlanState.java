package io.tessera.segmentation.auto;

/**
 * How far an {@code autoChunk} job is planned.
 *
 * @param nextIndex tasks planned so far (the index of the next task)
 * @param nextFrame the first frame not planned yet ({@code frameEnd + 1} once every frame is planned)
 * @param wave      the number of the latest wave: 0 the probe, 1.. the chunk waves; -1 before any
 */
public record AutoPlanState(int nextIndex, long nextFrame, int wave) {

    /** Nothing planned yet of a job starting at {@code frameStart}. */
    public static AutoPlanState start(int frameStart) {
        return new AutoPlanState(0, frameStart, -1);
    }
}
