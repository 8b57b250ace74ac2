package io.tessera.worker.engine;

/**
 * Adapter to a renderer. Implementations render on the calling thread, stop with an exception when the thread is
 * interrupted, and never run a shell with user-supplied strings (external programs get argument arrays).
 */
public interface RenderEngine {

    /**
     * Produces every frame of the request as its kind says (render whole frames, a tile or passes; assemble tiles;
     * composite passes), writes each file to its staged name ({@code request.outputs().staged(finalPath)}) and tells
     * {@code progress} after each frame.
     *
     * @throws RuntimeException when the scene is invalid, an input is missing or broken, a frame cannot be rendered
     *                          or written, or the render was interrupted; the message says why (and names the file)
     */
    RenderResult render(RenderRequest request, ProgressListener progress);
}
