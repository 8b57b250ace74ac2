package io.tessera.worker.engine;

import java.nio.file.Path;

/**
 * One frame an engine rendered and wrote.
 *
 * @param frame  the frame number
 * @param file   the image file
 * @param millis time spent rendering and writing it
 */
public record RenderedFrame(int frame, Path file, long millis) {
}
