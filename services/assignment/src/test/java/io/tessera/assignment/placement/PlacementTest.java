package io.tessera.assignment.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.jobs.Requirements;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementTest {

    private static final Instant EARLY = Instant.parse("2025-03-01T12:00:00Z");
    private static final Instant LATE = EARLY.plusSeconds(600);
    private static final Requirements CPU = new Requirements(Capability.CPU, null, null);

    private final Placement placement = new Placement();

    private static QueuedTask task(String id, int priority, int order) {
        return task(id, "job-" + id, priority, order, false, EARLY, CPU);
    }

    private static QueuedTask task(String id, String jobId, int priority, int order, boolean preview, Instant jobSeen,
                                   Requirements requirements) {
        return new QueuedTask(id, 1, jobId, requirements, preview, priority, jobSeen, order);
    }

    private static FreeWorker worker(String id, double score, int free) {
        return worker(id, score, free, 8, List.of(0, 1, 2));
    }

    private static FreeWorker worker(String id, double score, int free, int cores, List<Integer> partitions) {
        return new FreeWorker(id, Capability.CPU, cores, 16_000, score, free, 0, partitions);
    }

    private static List<String> taskIds(List<Assignment> assignments) {
        return assignments.stream().map(a -> a.task().taskId()).toList();
    }

    @Test
    void priorityBeatsOrderAndSubmissionTime() {
        QueuedTask oldLowFirst = task("a", "old", 10, 0, false, EARLY, CPU);
        QueuedTask newHighLast = task("b", "new", 90, 7, false, LATE, CPU);
        List<Assignment> placed = placement.place(List.of(oldLowFirst, newHighLast), List.of(worker("w", 1, 1)));
        assertEquals(List.of("b"), taskIds(placed));
    }

    @Test
    void previewBeatsPriority() {
        QueuedTask urgent = task("urgent", "regular", 100, 0, false, EARLY, CPU);
        QueuedTask preview = task("key", "preview", 0, 5, true, LATE, CPU);
        assertEquals(List.of("key"), taskIds(placement.place(List.of(urgent, preview), List.of(worker("w", 1, 1)))));
    }

    @Test
    void equalPriorityOlderJobFirstThenKeyFrameOrderThenTaskId() {
        QueuedTask newer = task("n0", "newer", 50, 0, false, LATE, CPU);
        QueuedTask olderSecond = task("o1", "older", 50, 1, false, EARLY, CPU);
        QueuedTask olderFirst = task("o9", "older", 50, 0, false, EARLY, CPU);
        QueuedTask olderFirstTwin = task("o0", "older", 50, 0, false, EARLY, CPU);
        List<Assignment> placed = placement.place(List.of(newer, olderSecond, olderFirst, olderFirstTwin),
                List.of(worker("w", 1, 4)));
        assertEquals(List.of("o0", "o9", "o1", "n0"), taskIds(placed));
    }

    @Test
    void theMostCapableFreeWorkerGetsTheTopTask() {
        List<Assignment> placed = placement.place(List.of(task("low", 10, 0), task("high", 90, 0)),
                List.of(worker("slow", 1.0, 1), worker("fast", 3.0, 1)));
        assertEquals("high", placed.get(0).task().taskId());
        assertEquals("fast", placed.get(0).workerId());
        assertEquals("low", placed.get(1).task().taskId());
        assertEquals("slow", placed.get(1).workerId());
    }

    @Test
    void equalScoresPreferMostFreeSlotsThenWorkerId() {
        assertEquals("roomy", placement.place(List.of(task("t", 50, 0)),
                List.of(worker("a-tight", 2.0, 1), worker("roomy", 2.0, 3))).get(0).workerId());
        assertEquals("a", placement.place(List.of(task("t", 50, 0)),
                List.of(worker("b", 2.0, 1), worker("a", 2.0, 1))).get(0).workerId());
    }

    @Test
    void aFullWorkerGetsNothing() {
        List<Assignment> placed = placement.place(List.of(task("t1", 90, 0), task("t2", 80, 0), task("t3", 70, 0)),
                List.of(worker("full-but-fast", 10.0, 0), worker("one-slot", 1.0, 1)));
        assertEquals(List.of("t1"), taskIds(placed));
        assertEquals("one-slot", placed.get(0).workerId());
        assertTrue(placement.place(List.of(task("t", 50, 0)), List.of(worker("full", 5, 0))).isEmpty());
        assertTrue(placement.place(List.of(task("t", 50, 0)), List.of()).isEmpty());
    }

    @Test
    void aWorkerTakesAsManyTasksAsItHasFreeSlots() {
        List<Assignment> placed = placement.place(List.of(task("t1", 90, 0), task("t2", 80, 0), task("t3", 70, 0)),
                List.of(worker("fast", 3.0, 2), worker("slow", 1.0, 2)));
        assertEquals(List.of("fast", "fast", "slow"), placed.stream().map(Assignment::workerId).toList());
    }

    @Test
    void requirementsAreRespectedAndAnUnmetTaskDoesNotBlockTheNext() {
        QueuedTask big = task("big", "j", 90, 0, false, EARLY, new Requirements(Capability.CPU, 64, null));
        QueuedTask hugeMemory = task("mem", "j", 80, 0, false, EARLY, new Requirements(Capability.CPU, null, 999_999));
        QueuedTask gpu = task("gpu", "j", 70, 0, false, EARLY, new Requirements(Capability.GPU, null, null));
        QueuedTask small = task("small", "j", 10, 0, false, EARLY, CPU);
        List<Assignment> placed = placement.place(List.of(big, hugeMemory, gpu, small),
                List.of(worker("fast-small", 9.0, 1, 8, List.of(0)), worker("slow-big", 1.0, 1, 64, List.of(1))));
        assertEquals(List.of("big", "small"), taskIds(placed));
        assertEquals("slow-big", placed.get(0).workerId(), "only the 64-core worker has the cores");
        assertEquals("fast-small", placed.get(1).workerId());
    }

    @Test
    void partitionsRotateOverTheWorkersPartitionsAndNoneMeansKeyed() {
        FreeWorker twoPartitions = new FreeWorker("w", Capability.CPU, 8, 16_000, 1, 3, 1, List.of(6, 7));
        List<Assignment> placed = placement.place(List.of(task("t1", 90, 0), task("t2", 80, 0), task("t3", 70, 0)),
                List.of(twoPartitions));
        assertEquals(List.of(7, 6, 7), placed.stream().map(Assignment::partition).toList());
        assertNull(placement.place(List.of(task("t", 1, 0)), List.of(worker("w", 1, 1, 8, List.of())))
                .get(0).partition());
    }
}
