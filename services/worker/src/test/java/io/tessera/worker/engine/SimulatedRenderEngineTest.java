package io.tessera.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.renderer.image.Image;
import io.tessera.worker.staging.StagingPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedRenderEngineTest {

    @TempDir
    Path dir;

    @Test
    void durationsAreHeavyTailedWithTheConfiguredMeanAndTheSameEveryRun() {
        double[] draws = IntStream.rangeClosed(1, 100_000)
                .mapToDouble(f -> SimulatedRenderEngine.frameMillis(f, 100, 1.5)).toArray();
        double mean = java.util.Arrays.stream(draws).average().orElseThrow();
        double median = java.util.Arrays.stream(draws).sorted().toArray()[draws.length / 2];
        double max = java.util.Arrays.stream(draws).max().orElseThrow();
        // the tail is cut at 50x the mean, which lowers the mean a little below 100 ms
        assertTrue(mean > 80 && mean < 100, "mean " + mean);
        assertTrue(median < 0.7 * mean, "heavy tail: median " + median + " well below mean " + mean);
        assertEquals(100 * SimulatedRenderEngine.MAX_MULTIPLE, max, 1e-9, "the longest draws are capped");
        assertEquals(SimulatedRenderEngine.frameMillis(17, 100, 1.5), SimulatedRenderEngine.frameMillis(17, 100, 1.5));
        assertEquals(40, SimulatedRenderEngine.frameMillis(17, 40, 0), "alpha 0: constant");
        assertEquals(0, SimulatedRenderEngine.frameMillis(17, 0, 1.5), "mean 0: zero-length");
    }

    @Test
    void writesOneStagedFramePerFrameAndReportsProgress() throws IOException {
        StagingPaths outputs = new StagingPaths(dir, "job-t00001", 1, "cpu-1");
        List<Integer> progress = new ArrayList<>();
        RenderResult result = new SimulatedRenderEngine(Duration.ofMillis(5), 0, 5.0).render(
                new RenderRequest("{}", 3, 5, TaskKind.RENDER, null, List.of(), List.of(), outputs),
                (frame, done, total) -> progress.add(done));
        assertEquals(List.of(1, 2, 3), progress);
        assertEquals(3, result.frames().size());
        for (RenderedFrame frame : result.frames()) {
            Path staged = frame.files().get(0).staged();
            assertTrue(Files.exists(staged), staged.toString());
            assertEquals(1, Image.readPng(staged).width());
            assertEquals(outputs.frame(frame.frame()), frame.files().get(0).finalPath());
        }
    }

    @Test
    void rejectsWhatItCannotSimulate() {
        StagingPaths outputs = new StagingPaths(dir, "job-t00002", 1, "cpu-1");
        SimulatedRenderEngine engine = new SimulatedRenderEngine(Duration.ZERO, 0, 1);
        IllegalArgumentException tile = assertThrows(IllegalArgumentException.class, () -> engine.render(
                new RenderRequest("{}", 1, 1, TaskKind.RENDER, new PixelRegion(0, 0, 4, 4), List.of(), List.of(),
                        outputs), (f, d, t) -> { }));
        assertTrue(tile.getMessage().contains("whole beauty frames only"), tile.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SimulatedRenderEngine(Duration.ofMillis(1), 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedRenderEngine(Duration.ofMillis(1), 0, 0));
    }
}
