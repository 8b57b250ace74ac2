package io.tessera.worker.engine;

import io.tessera.contracts.tasks.TaskInput;
import io.tessera.renderer.image.Image;
import io.tessera.renderer.trace.Compositor;
import io.tessera.renderer.trace.Pass;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * COMPOSITE: reads the committed pass files of a frame ({@code inputs} with their pass ids; {@code .pfm} gives the
 * exact linear floats), combines them with {@link Compositor#composite(Map)} and writes the frame PNG. Passes the
 * compositor does not need (beauty, ambient occlusion) are ignored; a missing needed pass fails the task.
 */
final class PassCompositor implements FrameProducer {

    private final RenderRequest request;

    PassCompositor(RenderRequest request) {
        this.request = request;
    }

    @Override
    public List<OutputFile> produce(int frame) {
        Map<Pass, Image> passes = new EnumMap<>(Pass.class);
        for (TaskInput input : request.inputsOf(frame)) {
            Pass pass = Pass.fromId(input.pass());
            if (Compositor.INPUTS.contains(pass)) {
                passes.put(pass, ImageFiles.readInput(Path.of(input.path()), "frame " + frame + " pass " + pass.id()));
            }
        }
        Image image;
        try {
            image = Compositor.composite(passes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot composite frame " + frame + ": " + e.getMessage(), e);
        }
        return List.of(ImageFiles.writeStaged(image, request.outputs().frame(frame), request.outputs()));
    }
}
