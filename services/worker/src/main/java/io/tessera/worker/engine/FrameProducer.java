package io.tessera.worker.engine;

import java.util.List;

/** Produces the files of one frame of a request: a render, an assembly or a composite. */
@FunctionalInterface
interface FrameProducer {

    /** Writes the staged files of {@code frame} and returns them. */
    List<OutputFile> produce(int frame);
}
