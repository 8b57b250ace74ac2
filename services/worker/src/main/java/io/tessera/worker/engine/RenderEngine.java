package io.tessera.worker.engine;

/**
 * Adapter to a renderer. Implementations render on the calling thread, stop with an exception when the thread is
 * interrupted, and never run a shell with user-supplied strings (external programs get argument arrays).
 */
public interface RenderEngine {

    /**
     * Renders every frame of the request, writes each to {@link RenderRequest#outputFor(int)} and tells
     * {@code progress} after each frame.
     *
     * @throws RuntimeException when the scene is invalid, a frame cannot be rendered or written, or the render was
     *                          interrupted
     */
    RenderResult render(RenderRequest request, ProgressListener progress);
}
