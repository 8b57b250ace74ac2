package io.tessera.worker.engine;

import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * What to render: frames {@code frameStart..frameEnd} (inclusive) of a scene, full frame, beauty pass.
 *
 * @param scene      the scene document (the built-in renderer's JSON format)
 * @param frameStart first frame
 * @param frameEnd   last frame
 * @param output     where the image of a frame goes
 */
public record RenderRequest(String scene, int frameStart, int frameEnd, IntFunction<Path> output) {

    /** Number of frames to render. */
    public int frameCount() {
        return frameEnd - frameStart + 1;
    }

    /** The file the image of {@code frame} is written to. */
    public Path outputFor(int frame) {
        return output.apply(frame);
    }
}
