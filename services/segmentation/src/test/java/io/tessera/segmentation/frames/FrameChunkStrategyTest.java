package io.tessera.segmentation.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.tasks.TaskPlanned;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameChunkStrategyTest {

    private final FrameChunkStrategy strategy = new FrameChunkStrategy(10_000);

    static JobSubmitted job(int start, int end, int chunk) {
        return new JobSubmitted("job-1", "req-1", "shot 10", "studio-a", "{\"objects\":[]}", start, end, chunk,
                "/out/job-1", 70, new Requirements(Capability.GPU, 4, 2048), Instant.parse("2025-01-01T00:00:00Z"));
    }

    private static void assertRanges(List<TaskPlanned> tasks, int[]... expected) {
        assertEquals(expected.length, tasks.size(), "task count");
        for (int i = 0; i < expected.length; i++) {
            TaskPlanned task = tasks.get(i);
            assertEquals(expected[i][0], task.frameStart(), "frameStart of task " + i);
            assertEquals(expected[i][1], task.frameEnd(), "frameEnd of task " + i);
            assertEquals(i, task.index());
            assertEquals(expected.length, task.taskCount());
        }
    }

    @Test
    void exactDivisionMakesEqualChunks() {
        assertRanges(strategy.plan(job(1, 12, 4)), new int[] {1, 4}, new int[] {5, 8}, new int[] {9, 12});
    }

    @Test
    void remainderMakesTheLastChunkShorter() {
        assertRanges(strategy.plan(job(1, 10, 4)), new int[] {1, 4}, new int[] {5, 8}, new int[] {9, 10});
    }

    @Test
    void chunkLargerThanTheRangeMakesOneTask() {
        assertRanges(strategy.plan(job(3, 7, 100)), new int[] {3, 7});
    }

    @Test
    void singleFrameMakesOneOneFrameTask() {
        List<TaskPlanned> tasks = strategy.plan(job(42, 42, 1));
        assertRanges(tasks, new int[] {42, 42});
        assertEquals(1, tasks.get(0).frameCount());
    }

    @Test
    void chunkOfOneMakesOneTaskPerFrame() {
        assertRanges(strategy.plan(job(0, 2, 1)), new int[] {0, 0}, new int[] {1, 1}, new int[] {2, 2});
    }

    @Test
    void rangesEndingAtIntegerMaxDoNotOverflow() {
        int max = Integer.MAX_VALUE;
        assertRanges(strategy.plan(job(max - 9, max, 4)),
                new int[] {max - 9, max - 6}, new int[] {max - 5, max - 2}, new int[] {max - 1, max});
        assertRanges(strategy.plan(job(0, max, max)), new int[] {0, max - 1}, new int[] {max, max});
        assertRanges(strategy.plan(job(max, max, max)), new int[] {max, max});
    }

    @Test
    void taskCountOfTheWholeIntRangeIsExact() {
        assertEquals(1L << 32, FrameChunkStrategy.taskCount(Integer.MIN_VALUE, Integer.MAX_VALUE, 1));
        assertEquals(3L, FrameChunkStrategy.taskCount(Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void tooManyTasksAreRejectedBeforeAnyIsBuilt() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> strategy.plan(job(0, Integer.MAX_VALUE, 1)));
        assertTrue(e.getMessage().startsWith("chunkSize: "), e.getMessage());
        assertEquals(10_000, strategy.plan(job(1, 10_000, 1)).size());
    }

    @Test
    void taskIdsAndCopiedFieldsAreDeterministic() {
        List<TaskPlanned> first = strategy.plan(job(1, 10, 4));
        assertEquals(first, strategy.plan(job(1, 10, 4)));
        TaskPlanned task = first.get(2);
        assertEquals("job-1-t00002", task.taskId());
        assertEquals("job-1", task.jobId());
        assertEquals("/out/job-1", task.outputDir());
        assertEquals("{\"objects\":[]}", task.scene());
        assertEquals(70, task.priority());
        assertEquals(new Requirements(Capability.GPU, 4, 2048), task.requirements());
        assertEquals(List.of("job-1-t00000", "job-1-t00001", "job-1-t00002"),
                first.stream().map(TaskPlanned::taskId).toList());
    }

    @Test
    void chunksAreOrderedByKeyFrameRankOfTheirIndex() {
        List<TaskPlanned> tasks = strategy.plan(job(1, 90, 10));
        // 9 chunks: dispatch sequence 0, 8, 4, 2, 6, 1, 3, 5, 7
        assertEquals(List.of(0, 5, 3, 6, 2, 7, 4, 8, 1), tasks.stream().map(TaskPlanned::order).toList());
        assertTrue(tasks.stream().noneMatch(TaskPlanned::preview), "a regular job has no preview task");
    }

    @Test
    void theFirstThreeRanksOfAPreviewJobArePreview() {
        JobSubmitted regular = job(1, 90, 10);
        JobSubmitted preview = new JobSubmitted(regular.jobId(), regular.requestId(), regular.name(),
                regular.studio(), regular.scene(), 1, 90, 10, regular.outputDir(), regular.priority(),
                regular.requirements(), regular.submittedAt(), Strategy.FRAMES, null, List.of(), null, List.of(),
                true);
        List<TaskPlanned> tasks = strategy.plan(preview);
        assertEquals(List.of(0, 4, 8), tasks.stream().filter(TaskPlanned::preview).map(TaskPlanned::index).toList(),
                "first, middle and last chunk");
    }

    @Test
    void zeroChunkSizeIsInvalid() {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> strategy.plan(job(1, 10, 0)));
        assertEquals("chunkSize: must be at least 1, was 0", e.getMessage());
    }

    @Test
    void endBeforeStartIsInvalid() {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> strategy.plan(job(10, 9, 2)));
        assertTrue(e.getMessage().startsWith("frameEnd: must not be before frameStart"), e.getMessage());
    }
}
