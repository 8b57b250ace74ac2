package io.tessera.renderer.trace;

/** Told after each finished row of a render. */
@FunctionalInterface
public interface ProgressListener {

    /** No-op listener. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param rowsDone  rows of the region finished so far
     * @param rowsTotal rows in the region
     */
    void rowsDone(int rowsDone, int rowsTotal);
}
