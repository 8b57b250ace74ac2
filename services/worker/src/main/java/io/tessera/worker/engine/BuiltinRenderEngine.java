package io.tessera.worker.engine;

import io.tessera.renderer.scene.Scene;
import io.tessera.renderer.scene.SceneParser;
import io.tessera.renderer.trace.RayTracer;
import io.tessera.renderer.trace.RenderInterruptedException;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in deterministic ray tracer ({@code io.tessera.renderer}). Parses the scene, then per frame: renders
 * ({@link FrameRenderer}: whole frame, tile or passes), assembles tiles ({@link TileAssembler}) or composites passes
 * ({@link PassCompositor}), and writes the files under their staged names. The default engine
 * ({@code tessera.worker.engine=builtin}, see {@link RenderEngines}).
 */
public class BuiltinRenderEngine implements RenderEngine {

    @Override
    public RenderResult render(RenderRequest request, ProgressListener progress) {
        long started = System.nanoTime();
        Scene scene = SceneParser.parse(request.scene());
        FrameProducer producer = switch (request.kind()) {
            case RENDER -> new FrameRenderer(new RayTracer(scene), request);
            case ASSEMBLE -> new TileAssembler(scene.width(), scene.height(), request);
            case COMPOSITE -> new PassCompositor(request);
        };
        List<RenderedFrame> frames = new ArrayList<>(request.frameCount());
        for (int frame = request.frameStart(); frame <= request.frameEnd(); frame++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RenderInterruptedException(request.kind().id() + " of frame " + frame + " interrupted");
            }
            long frameStarted = System.nanoTime();
            List<OutputFile> files = producer.produce(frame);
            RenderedFrame done = new RenderedFrame(frame, files, millisSince(frameStarted));
            frames.add(done);
            progress.frameDone(done, frames.size(), request.frameCount());
        }
        return new RenderResult(frames, millisSince(started));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
