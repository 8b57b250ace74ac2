package io.tessera.renderer.trace;

import io.tessera.renderer.image.Image;
import io.tessera.renderer.scene.Scene;
import io.tessera.renderer.scene.SceneFrame;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders frames, regions and passes of a {@link Scene}. Deterministic: a pixel's value depends only on
 * (scene, frame, x, y, pass), so equal inputs give equal bytes and tiles assemble into the full-frame image exactly.
 * Renders run on the calling thread; an interrupt stops them between rows with {@link RenderInterruptedException}.
 * Instances are immutable and may be shared between threads.
 */
public final class RayTracer {

    private final Scene scene;

    /** @param scene the scene to render */
    public RayTracer(Scene scene) {
        this.scene = Objects.requireNonNull(scene, "scene");
    }

    /** The scene being rendered. */
    public Scene scene() {
        return scene;
    }

    /** Renders one pass of a region of a frame; the image has the region's size. */
    public Image render(int frame, Region region, Pass pass) {
        return render(frame, region, pass, ProgressListener.NONE);
    }

    /** As {@link #render(int, Region, Pass)}, telling {@code progress} after each row. */
    public Image render(int frame, Region region, Pass pass, ProgressListener progress) {
        return renderPasses(frame, region, Set.of(pass), progress).get(pass);
    }

    /** Renders several passes of a region of a frame in one go (one trace per pixel serves all passes). */
    public Map<Pass, Image> renderPasses(int frame, Region region, Set<Pass> passes) {
        return renderPasses(frame, region, passes, ProgressListener.NONE);
    }

    /**
     * As {@link #renderPasses(int, Region, Set)}, telling {@code progress} after each row.
     *
     * @throws IllegalArgumentException    if the frame is outside the scene's range, the region leaves the image,
     *                                     or no pass is asked for
     * @throws RenderInterruptedException if the thread is interrupted
     */
    public Map<Pass, Image> renderPasses(int frame, Region region, Set<Pass> passes, ProgressListener progress) {
        if (!scene.hasFrame(frame)) {
            throw new IllegalArgumentException("frame " + frame + " is outside the scene's range "
                    + scene.frameStart() + ".." + scene.frameEnd());
        }
        region.checkInside(scene.width(), scene.height());
        if (passes.isEmpty()) {
            throw new IllegalArgumentException("no pass requested");
        }
        Pass[] wanted = passes.toArray(Pass[]::new);
        float[][] buffers = new float[wanted.length][region.pixels() * 3];
        SceneFrame at = scene.atFrame(frame);
        Geometry geometry = new Geometry(at);
        Shader shader = new Shader(at, geometry);
        CameraRays camera = new CameraRays(at.camera(), scene.width(), scene.height());
        int samples = scene.settings().samples();
        Shading pixel = new Shading();
        for (int row = 0; row < region.height(); row++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RenderInterruptedException("render of frame " + frame + " region " + region
                        + " interrupted at row " + row);
            }
            int y = region.y() + row;
            for (int col = 0; col < region.width(); col++) {
                int x = region.x() + col;
                pixel.clear();
                for (int s = 0; s < samples; s++) {
                    SampleRng rng = new SampleRng(x, y, frame, s);
                    double ox = samples == 1 ? 0.5 : rng.next();
                    double oy = samples == 1 ? 0.5 : rng.next();
                    shader.primary(camera.origin(), camera.direction(x + ox, y + oy), rng, pixel);
                }
                int i = (row * region.width() + col) * 3;
                for (int p = 0; p < wanted.length; p++) {
                    for (int c = 0; c < 3; c++) {
                        buffers[p][i + c] = (float) pixel.pass(wanted[p], c);
                    }
                }
            }
            progress.rowsDone(row + 1, region.height());
        }
        Map<Pass, Image> out = new EnumMap<>(Pass.class);
        for (int p = 0; p < wanted.length; p++) {
            out.put(wanted[p], Image.ofLinearRgb(region.width(), region.height(), buffers[p]));
        }
        return Collections.unmodifiableMap(out);
    }
}
