package io.tessera.worker.engine;

/** Told by a {@link RenderEngine} after each frame it finished. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param frame       the frame just written
     * @param framesDone  frames finished so far
     * @param framesTotal frames of the request
     */
    void frameDone(RenderedFrame frame, int framesDone, int framesTotal);
}
