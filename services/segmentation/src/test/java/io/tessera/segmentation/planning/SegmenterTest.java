package io.tessera.segmentation.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.AutoChunk;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.jobs.TileGrid;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.segmentation.SegmentationConfig;
import io.tessera.segmentation.frames.FrameChunkStrategy;
import io.tessera.segmentation.layers.LayerStrategy;
import io.tessera.segmentation.tiles.TileStrategy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private final Segmenter segmenter = new Segmenter(new SegmentationConfig() {
        @Override
        public int maxTasksPerJob() {
            return 100;
        }

        @Override
        public int publishConcurrency() {
            return 8;
        }

        @Override
        public AutoChunk autoChunk() {
            return null;
        }
    });

    private static JobSubmitted job(Strategy strategy, TileGrid tiles, List<String> passes, int frameEnd) {
        return new JobSubmitted("j", "r", "n", "s", "{\"width\":40,\"height\":30}", 1, frameEnd, 2, "/o", 50,
                new Requirements(Capability.CPU, null, null), Instant.now(), strategy, tiles, passes, null,
                List.of(), false);
    }

    @Test
    void framesIsTheStrategyOfAJobWithoutOne() {
        JobSubmitted job = new JobSubmitted("j", "r", "n", "s", "{}", 1, 5, 2, "/o", 50,
                new Requirements(Capability.CPU, null, null), Instant.now());
        assertInstanceOf(FrameChunkStrategy.class, segmenter.strategyFor(job));
        assertEquals(3, segmenter.plan(job).size());
    }

    @Test
    void theJobsStrategyIsChosen() {
        JobSubmitted tiles = job(Strategy.TILES, new TileGrid(2, 2, null, null), List.of(), 2);
        assertInstanceOf(TileStrategy.class, segmenter.strategyFor(tiles));
        assertEquals(10, segmenter.plan(tiles).size());
        JobSubmitted layers = job(Strategy.LAYERS, null, List.of("beauty"), 2);
        assertInstanceOf(LayerStrategy.class, segmenter.strategyFor(layers));
        assertEquals(12, segmenter.plan(layers).size());
    }

    @Test
    void theTaskLimitAppliesToEveryStrategy() {
        assertTrue(assertThrows(InvalidEventException.class, () -> segmenter.plan(
                job(Strategy.TILES, new TileGrid(3, 3, null, null), List.of(), 11))).getMessage()
                .startsWith("tiles: frames 1..11 × (9 tiles + 1 assembly) make 110 tasks"));
        assertTrue(assertThrows(InvalidEventException.class, () -> segmenter.plan(
                job(Strategy.LAYERS, null, List.of("beauty"), 17))).getMessage()
                .startsWith("passes: frames 1..17 × (5 passes + 1 composite) make 102 tasks"));
        assertTrue(assertThrows(InvalidEventException.class, () -> segmenter.plan(
                job(Strategy.FRAMES, null, List.of(), 201))).getMessage()
                .startsWith("chunkSize: frames 1..201 in chunks of 2 make 101 tasks"));
    }

    @Test
    void autoChunkJobsArePlannedWithTheirChunkSize() {
        JobSubmitted job = new JobSubmitted("j", "r", "n", "s", "{}", 1, 10, 4, "/o", 50,
                new Requirements(Capability.CPU, null, null), Instant.now(), Strategy.FRAMES, null, List.of(),
                new AutoChunk(60), List.of(), false);
        assertEquals(3, segmenter.plan(job).size());
    }

    @Test
    void everyPlanIsAValidTaskGraph() {
        for (JobSubmitted job : List.of(job(Strategy.FRAMES, null, List.of(), 9),
                job(Strategy.TILES, new TileGrid(null, null, 16, 16), List.of(), 3),
                job(Strategy.LAYERS, null, List.of("ambient_occlusion", "beauty"), 3))) {
            List<TaskPlanned> tasks = segmenter.plan(job);
            TaskGraph.check(tasks);
            for (TaskPlanned task : tasks) {
                assertTrue(task.dependsOn().stream().allMatch(dep -> dep.compareTo(task.taskId()) < 0),
                        "a task depends only on tasks planned before it: " + task.taskId());
            }
        }
    }

    @Test
    void missingCapabilityIsInvalid() {
        JobSubmitted job = new JobSubmitted("j", "r", "n", "s", "{}", 1, 5, 2, "/o", 50, null, Instant.now());
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> segmenter.plan(job));
        assertEquals("requirements.capability: is required", e.getMessage());
    }

    @Test
    void missingJobIdIsInvalid() {
        JobSubmitted job = new JobSubmitted(" ", "r", "n", "s", "{}", 1, 5, 2, "/o", 50, null, Instant.now());
        assertEquals("jobId: is required",
                assertThrows(InvalidEventException.class, () -> segmenter.plan(job)).getMessage());
    }

    @Test
    void taskIdsArePaddedToFiveDigits() {
        assertEquals("job-7-t00000", SegmentationStrategy.taskId("job-7", 0));
        assertEquals("job-7-t12345", SegmentationStrategy.taskId("job-7", 12345));
    }
}
