package io.tessera.worker.engine;

import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.renderer.image.Image;
import io.tessera.renderer.trace.Pass;
import io.tessera.renderer.trace.RayTracer;
import io.tessera.renderer.trace.Region;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RENDER with the built-in ray tracer: the whole beauty frame, one tile (beauty pass, the region's size), or the
 * requested passes of the whole frame, each written as {@code .pfm} (exact linear floats, what compositing reads)
 * and {@code .png} (viewable).
 */
final class FrameRenderer implements FrameProducer {

    private final RayTracer tracer;
    private final RenderRequest request;
    private final Set<Pass> passes;

    FrameRenderer(RayTracer tracer, RenderRequest request) {
        this.tracer = tracer;
        this.request = request;
        this.passes = passes(request.passes());
    }

    @Override
    public List<OutputFile> produce(int frame) {
        Region full = Region.full(tracer.scene().width(), tracer.scene().height());
        if (!passes.isEmpty()) {
            Map<Pass, Image> images = tracer.renderPasses(frame, full, passes);
            List<OutputFile> files = new ArrayList<>(images.size() * 2);
            for (Map.Entry<Pass, Image> e : images.entrySet()) {
                String id = e.getKey().id();
                files.add(ImageFiles.writeStaged(e.getValue(), request.outputs().pass(frame, id, "pfm"),
                        request.outputs()));
                files.add(ImageFiles.writeStaged(e.getValue(), request.outputs().pass(frame, id, "png"),
                        request.outputs()));
            }
            return files;
        }
        PixelRegion tile = request.region();
        if (tile != null) {
            Image image = tracer.render(frame, new Region(tile.x(), tile.y(), tile.width(), tile.height()),
                    Pass.BEAUTY);
            return List.of(ImageFiles.writeStaged(image, request.outputs().tile(frame, tile), request.outputs()));
        }
        Image image = tracer.render(frame, full, Pass.BEAUTY);
        return List.of(ImageFiles.writeStaged(image, request.outputs().frame(frame), request.outputs()));
    }

    private static Set<Pass> passes(List<String> ids) {
        Set<Pass> set = EnumSet.noneOf(Pass.class);
        for (String id : ids) {
            set.add(Pass.fromId(id));
        }
        return set;
    }
}
