package io.tessera.worker.calibration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.envelope.Json;
import io.tessera.renderer.scene.BundledScenes;
import io.tessera.renderer.scene.SceneParser;
import io.tessera.renderer.trace.Pass;
import io.tessera.renderer.trace.RayTracer;
import io.tessera.renderer.trace.Region;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fixed reference render that scores a worker: the bundled demo scene at {@value #WIDTH}x{@value #HEIGHT},
 * {@value #WARM_UP_FRAMES} untimed warm-up frame(s), then frames 1..{@value #TIMED_FRAMES} timed, beauty pass,
 * on the calling thread. The score is timed frames per second of wall-clock time: comparable between workers of
 * the same build because the scene and the renderer are deterministic.
 */
public final class ReferenceRender {

    /** Width of the reference frame. */
    public static final int WIDTH = 96;
    /** Height of the reference frame. */
    public static final int HEIGHT = 54;
    /** Frames rendered before timing starts (JIT warm-up). */
    public static final int WARM_UP_FRAMES = 2;
    /** Frames timed. */
    public static final int TIMED_FRAMES = 8;

    private final RayTracer tracer;

    /** Parses the reference scene. */
    public ReferenceRender() {
        try {
            ObjectNode scene = (ObjectNode) Json.MAPPER.readTree(BundledScenes.demo());
            scene.put("width", WIDTH);
            scene.put("height", HEIGHT);
            tracer = new RayTracer(SceneParser.parse(Json.MAPPER.writeValueAsString(scene)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled demo scene", e);
        }
    }

    /** Renders the reference frames and returns timed frames per second (&gt; 0). */
    public double framesPerSecond() {
        Region full = Region.full(WIDTH, HEIGHT);
        for (int i = 0; i < WARM_UP_FRAMES; i++) {
            tracer.render(1 + i, full, Pass.BEAUTY);
        }
        long started = System.nanoTime();
        for (int frame = 1; frame <= TIMED_FRAMES; frame++) {
            tracer.render(frame, full, Pass.BEAUTY);
        }
        long nanos = Math.max(1, System.nanoTime() - started);
        return TIMED_FRAMES * 1e9 / nanos;
    }
}
