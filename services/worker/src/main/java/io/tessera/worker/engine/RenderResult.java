package io.tessera.worker.engine;

import java.util.List;

/**
 * The frames a render produced, in frame order, and the total time it took.
 *
 * @param frames       every rendered frame
 * @param renderMillis wall-clock time of the whole render
 */
public record RenderResult(List<RenderedFrame> frames, long renderMillis) {

    /** Copies the list. */
    public RenderResult {
        frames = List.copyOf(frames);
    }
}
