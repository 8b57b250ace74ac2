package io.tessera.segmentation.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Chunk sizing of autoChunk jobs: probe, history, clamping, waves, the task limit. */
class WavePlannerTest {

    private final WavePlanner planner = new WavePlanner(10_000, 1000, 4);

    static JobSubmitted job(int start, int end, int targetSeconds) {
        return job(start, end, targetSeconds, false);
    }

    static JobSubmitted job(int start, int end, int targetSeconds, boolean preview) {
        return new JobSubmitted("job-a", "req-a", "shot", "acme", "{\"width\":320,\"height\":180}", start, end, 1,
                "/out/job-a", 60, new Requirements(Capability.CPU, null, null), Instant.parse("2026-01-01T00:00:00Z"),
                Strategy.FRAMES, null, List.of(), new AutoChunk(targetSeconds), List.of(), preview);
    }

    private static String describe(Wave wave) {
        StringBuilder out = new StringBuilder();
        for (TaskPlanned t : wave.tasks()) {
            out.append(t.frameStart()).append('-').append(t.frameEnd()).append(' ');
        }
        return out.toString().trim();
    }

    @Test
    void withoutHistoryTheFirstWaveIsAOneFrameProbeOfTheFirstFrame() {
        Wave probe = planner.first(job(1, 48, 2), Optional.empty());
        assertEquals(0, probe.number());
        assertFalse(probe.last());
        assertEquals(1, probe.tasks().size());
        TaskPlanned task = probe.tasks().get(0);
        assertEquals("job-a-t00000", task.taskId());
        assertEquals(1, task.frameStart());
        assertEquals(1, task.frameEnd());
        assertEquals(0, task.index());
        assertEquals(1, task.taskCount());
        assertTrue(task.moreTasks());
        assertEquals("chunk", task.part());
        assertEquals(new AutoPlanState(1, 2, 0), probe.after());
    }

    @Test
    void theProbeTimeSizesTheNextWaveAndHalfTheRemainingFramesGoFirst() {
        JobSubmitted job = job(1, 48, 2);
        Wave probe = planner.first(job, Optional.empty());
        // 400 ms per frame and a 2 s target: chunks of 5; 47 frames left > 4 chunks: half (24) rounded up to 25
        Wave first = planner.next(job, probe.after(), new FrameTime(400, 1));
        assertEquals(1, first.number());
        assertEquals(5, first.framesPerTask());
        assertFalse(first.last());
        assertEquals("2-6 7-11 12-16 17-21 22-26", describe(first));
        assertEquals(List.of(1, 2, 3, 4, 5), first.tasks().stream().map(TaskPlanned::index).toList());
        assertTrue(first.tasks().stream().allMatch(t -> t.taskCount() == 6 && t.moreTasks()));
        assertEquals(List.of(1, 4, 3, 5, 2), first.tasks().stream().map(TaskPlanned::order).toList(),
                "key-frame order within the wave, after the probe");
        // then 100 ms per frame: chunks of 20; 22 frames left fit in 4 chunks: the last wave takes them all
        Wave last = planner.next(job, first.after(), new FrameTime(1000, 10));
        assertEquals(2, last.number());
        assertTrue(last.last());
        assertEquals("27-46 47-48", describe(last));
        assertTrue(last.tasks().stream().allMatch(t -> t.taskCount() == 8 && !t.moreTasks()));
        assertEquals(List.of("job-a-t00006", "job-a-t00007"), last.tasks().stream().map(TaskPlanned::taskId).toList());
        assertEquals(new AutoPlanState(8, 49, 2), last.after());
    }

    @Test
    void historySkipsTheProbe() {
        Wave first = planner.first(job(1, 48, 2), Optional.of(new FrameTime(6000, 60)));
        assertEquals(1, first.number());
        assertEquals(20, first.framesPerTask());
        assertEquals("1-20 21-40 41-48", describe(first), "48 frames fit in 4 chunks of 20: one last wave");
        assertTrue(first.last());
        assertTrue(first.tasks().stream().noneMatch(TaskPlanned::moreTasks));
    }

    @Test
    void everyFrameIsPlannedExactlyOnceAcrossWaves() {
        JobSubmitted job = job(10, 1009, 3);
        List<TaskPlanned> all = new ArrayList<>();
        Wave wave = planner.first(job, Optional.empty());
        all.addAll(wave.tasks());
        int waves = 1;
        while (!wave.last()) {
            wave = planner.next(job, wave.after(), new FrameTime(250L * waves, waves));
            all.addAll(wave.tasks());
            waves++;
        }
        long next = 10;
        for (int i = 0; i < all.size(); i++) {
            TaskPlanned task = all.get(i);
            assertEquals(i, task.index());
            assertEquals(next, task.frameStart(), "task " + i + " starts where the previous one ended");
            assertTrue(task.index() < task.taskCount());
            next = task.frameEnd() + 1L;
        }
        assertEquals(1010, next);
        assertEquals(all.size(), all.get(all.size() - 1).taskCount());
        assertTrue(waves >= 3 && waves <= 12, "waves: " + waves);
    }

    @Test
    void chunkSizesAreClampedToOneAndToTheMaximum() {
        assertEquals(1, ChunkSizing.framesPerTask(1, new FrameTime(5000, 1), 1, 1000), "a frame longer than the target");
        assertEquals(1000, ChunkSizing.framesPerTask(60, new FrameTime(1, 1), 1, 1000), "60000 frames capped");
        assertEquals(1000, ChunkSizing.framesPerTask(60, new FrameTime(0, 5), 1, 1000), "0 ms: the largest chunk");
        assertEquals(3, ChunkSizing.framesPerTask(1, new FrameTime(400, 1), 1, 1000), "2.5 rounds to 3");
        assertEquals(2, ChunkSizing.framesPerTask(1, new FrameTime(401, 1), 1, 1000), "2.49 rounds to 2");
        assertEquals(7, ChunkSizing.framesPerTask(1, new FrameTime(5000, 1), 7, 1000), "the task limit's minimum");
        Wave wave = new WavePlanner(10_000, 8, 4).first(job(1, 100, 60), Optional.of(new FrameTime(10, 1)));
        assertEquals(8, wave.framesPerTask(), "max-chunk-size");
    }

    @Test
    void theTaskLimitRaisesTheChunkSize() {
        WavePlanner small = new WavePlanner(10, 1000, 4);
        JobSubmitted job = job(1, 100, 1);
        Wave wave = small.first(job, Optional.empty());
        int tasks = 1;
        while (!wave.last()) {
            wave = small.next(job, wave.after(), new FrameTime(10_000, 1));
            tasks = wave.after().nextIndex();
        }
        assertTrue(tasks <= 10, "at most 10 tasks, was " + tasks);
        assertEquals(101, wave.after().nextFrame());
    }

    @Test
    void aOneFrameJobIsPlannedWholeWithoutAProbe() {
        Wave wave = planner.first(job(7, 7, 5), Optional.empty());
        assertTrue(wave.last());
        assertEquals("7-7", describe(wave));
        assertFalse(wave.tasks().get(0).moreTasks());
    }

    @Test
    void aPreviewJobMarksTheProbeAndTheFirstKeyFramesOfTheFirstWave() {
        JobSubmitted job = job(1, 48, 2, true);
        Wave probe = planner.first(job, Optional.empty());
        assertTrue(probe.tasks().get(0).preview());
        Wave first = planner.next(job, probe.after(), new FrameTime(400, 1));
        assertEquals(List.of(true, false, false, false, true), first.tasks().stream().map(TaskPlanned::preview)
                .toList(), "orders 1 and 2: the first and last chunk of the wave");
    }

    @Test
    void rangesEndingAtIntegerMaxDoNotOverflow() {
        int max = Integer.MAX_VALUE;
        JobSubmitted job = job(max - 9, max, 1);
        Wave wave = planner.first(job, Optional.of(new FrameTime(300, 1)));
        assertEquals(max - 9, wave.tasks().get(0).frameStart());
        assertEquals(max, wave.tasks().get(wave.tasks().size() - 1).frameEnd());
        assertTrue(wave.last());
        assertThrows(IllegalStateException.class, () -> planner.next(job, wave.after(), new FrameTime(1, 1)));
    }

    @Test
    void jobsAutoChunkCannotPlanAreRejectedNamingTheField() {
        assertEquals("autoChunk.targetSeconds: must be at least 1, was 0", assertThrows(InvalidEventException.class,
                () -> planner.first(job(1, 2, 0), Optional.empty())).getMessage());
        JobSubmitted tiles = new JobSubmitted("job-t", "req-t", "still", "acme", "{}", 1, 1, 1, "/out", 50,
                new Requirements(Capability.CPU, null, null), Instant.now(), Strategy.TILES,
                new TileGrid(2, 2, null, null), List.of(), new AutoChunk(5), List.of(), false);
        assertEquals("autoChunk: is only allowed with strategy frames, was tiles",
                assertThrows(InvalidEventException.class, () -> planner.first(tiles, Optional.empty())).getMessage());
        assertEquals("frameEnd: must not be before frameStart (5), was 4", assertThrows(InvalidEventException.class,
                () -> planner.first(job(5, 4, 3), Optional.empty())).getMessage());
    }

    @Test
    void theSceneKeyIgnoresFormattingButNotTheSceneOrTheCapability() {
        String a = SceneKey.of("{\"width\":320,\"height\":180,\"camera\":{\"fov\":40,\"at\":[0,1]}}", Capability.CPU);
        String b = SceneKey.of("{ \"camera\": {\"at\": [0, 1], \"fov\": 40}, \"height\": 180, \"width\": 320 }",
                Capability.CPU);
        assertEquals(a, b);
        assertEquals(64, a.length());
        assertFalse(a.equals(SceneKey.of("{\"width\":640,\"height\":360,\"camera\":{\"fov\":40,\"at\":[0,1]}}",
                Capability.CPU)), "another resolution");
        assertFalse(a.equals(SceneKey.of("{\"width\":320,\"height\":180,\"camera\":{\"fov\":40,\"at\":[0,1]}}",
                Capability.GPU)), "another capability");
    }
}
