package io.tessera.worker.engine;

import java.nio.file.Path;

/**
 * A file an attempt wrote: where it is now and the name it is committed to.
 *
 * @param staged    the attempt-private file the engine wrote
 * @param finalPath its name once monitoring commits the attempt
 */
public record OutputFile(Path staged, Path finalPath) {
}
