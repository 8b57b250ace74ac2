package io.tessera.worker.engine;

import io.tessera.renderer.image.Image;
import io.tessera.renderer.scene.Scene;
import io.tessera.renderer.scene.SceneParser;
import io.tessera.renderer.trace.Pass;
import io.tessera.renderer.trace.RayTracer;
import io.tessera.renderer.trace.Region;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in deterministic ray tracer ({@code io.tessera.renderer}): parses the scene, renders each frame in full
 * (beauty pass) and writes it as PNG. Each image is written to a temporary name and moved into place, so a file
 * under its frame name is always complete.
 */
@ApplicationScoped
public class BuiltinRenderEngine implements RenderEngine {

    @Override
    public RenderResult render(RenderRequest request, ProgressListener progress) {
        long started = System.nanoTime();
        Scene scene = SceneParser.parse(request.scene());
        RayTracer tracer = new RayTracer(scene);
        Region full = Region.full(scene.width(), scene.height());
        List<RenderedFrame> frames = new ArrayList<>(request.frameCount());
        for (int frame = request.frameStart(); frame <= request.frameEnd(); frame++) {
            long frameStarted = System.nanoTime();
            Image image = tracer.render(frame, full, Pass.BEAUTY);
            Path file = request.outputFor(frame);
            write(image, file);
            RenderedFrame done = new RenderedFrame(frame, file, millisSince(frameStarted));
            frames.add(done);
            progress.frameDone(done, frames.size(), request.frameCount());
        }
        return new RenderResult(frames, millisSince(started));
    }

    private static void write(Image image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            image.writePng(partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
