package io.tessera.worker.engine;

import java.util.List;

/**
 * One frame an engine finished: the files it wrote for it.
 *
 * @param frame  the frame number
 * @param files  every file written for the frame (staged and final name)
 * @param millis time spent rendering (or assembling, compositing) and writing it
 */
public record RenderedFrame(int frame, List<OutputFile> files, long millis) {

    /** Copies the list. */
    public RenderedFrame {
        files = List.copyOf(files);
    }
}
