package io.tessera.worker.engine;

import io.tessera.contracts.tasks.TaskKind;
import io.tessera.renderer.image.Image;
import io.tessera.renderer.trace.RenderInterruptedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in renderer for benchmarks and load tests ({@code tessera.worker.engine=simulated}): each frame "renders" for
 * a duration drawn from a Pareto (heavy-tailed) distribution with the configured mean, divided by the worker's speed
 * factor, then writes a 1×1 PNG as the frame, so outputs are staged and committed exactly like real ones. The draw
 * depends only on the frame number, so every run and every distribution mode sees the same workload. A mean of zero
 * gives zero-length tasks. Tiles and passes are not simulated: those tasks fail with a clear reason.
 */
public final class SimulatedRenderEngine implements RenderEngine {

    /** Longest frame as a multiple of the mean: the tail is cut here so one unlucky draw cannot dominate a run. */
    static final double MAX_MULTIPLE = 50;

    private final double meanMillis;
    private final double alpha;
    private final double speedFactor;

    /**
     * @param mean        mean frame duration at speed factor 1 (zero: no waiting at all)
     * @param alpha       Pareto shape (> 1; smaller is heavier-tailed), or 0 for every frame exactly {@code mean}
     * @param speedFactor how much faster than the reference this worker is (2 = half the time)
     */
    public SimulatedRenderEngine(Duration mean, double alpha, double speedFactor) {
        if (mean.isNegative()) {
            throw new IllegalArgumentException("tessera.worker.simulated.mean: must not be negative, was " + mean);
        }
        if (alpha != 0 && alpha <= 1) {
            throw new IllegalArgumentException("tessera.worker.simulated.alpha: must be 0 (constant) or > 1, was "
                    + alpha);
        }
        if (speedFactor <= 0) {
            throw new IllegalArgumentException("tessera.worker.simulated.speed-factor: must be positive, was "
                    + speedFactor);
        }
        this.meanMillis = mean.toNanos() / 1e6;
        this.alpha = alpha;
        this.speedFactor = speedFactor;
    }

    /** The reference duration of {@code frame} (speed factor 1), in milliseconds. */
    public static double frameMillis(int frame, double meanMillis, double alpha) {
        if (meanMillis == 0 || alpha == 0) {
            return meanMillis;
        }
        double scale = meanMillis * (alpha - 1) / alpha;
        double u = uniform(frame);
        return Math.min(scale / Math.pow(u, 1 / alpha), meanMillis * MAX_MULTIPLE);
    }

    @Override
    public RenderResult render(RenderRequest request, ProgressListener progress) {
        if (request.kind() != TaskKind.RENDER || request.region() != null || !request.passes().isEmpty()) {
            throw new IllegalArgumentException("the simulated engine renders whole beauty frames only, not "
                    + request.kind().id() + (request.region() != null ? " tiles" : "")
                    + (request.passes().isEmpty() ? "" : " passes"));
        }
        long started = System.nanoTime();
        List<RenderedFrame> frames = new ArrayList<>(request.frameCount());
        for (int frame = request.frameStart(); frame <= request.frameEnd(); frame++) {
            long frameStarted = System.nanoTime();
            pause(frameMillis(frame, meanMillis, alpha) / speedFactor, frame);
            OutputFile file = ImageFiles.writeStaged(Image.black(1, 1), request.outputs().frame(frame),
                    request.outputs());
            RenderedFrame done = new RenderedFrame(frame, List.of(file), (System.nanoTime() - frameStarted) / 1_000_000);
            frames.add(done);
            progress.frameDone(done, frames.size(), request.frameCount());
        }
        return new RenderResult(frames, (System.nanoTime() - started) / 1_000_000);
    }

    private static void pause(double millis, int frame) {
        if (Thread.currentThread().isInterrupted()) {
            throw new RenderInterruptedException("simulated render of frame " + frame + " interrupted");
        }
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep((long) millis, (int) ((millis - Math.floor(millis)) * 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderInterruptedException("simulated render of frame " + frame + " interrupted");
        }
    }

    /** A uniform draw in (0, 1] fixed by the frame number (SplitMix64 of it). */
    static double uniform(int frame) {
        long z = frame * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return ((z >>> 11) + 1) / (double) (1L << 53);
    }
}
