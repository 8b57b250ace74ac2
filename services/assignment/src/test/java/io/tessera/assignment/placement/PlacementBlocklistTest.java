package io.tessera.assignment.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.jobs.Requirements;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementBlocklistTest {

    private static final Instant SEEN = Instant.parse("2025-03-01T12:00:00Z");
    private static final Requirements CPU = new Requirements(Capability.CPU, null, null);

    private final Placement placement = new Placement();

    private static QueuedTask task(String id, String jobId, int priority) {
        return new QueuedTask(id, 1, jobId, CPU, false, priority, SEEN, 0);
    }

    private static FreeWorker worker(String id, double score, int free) {
        return new FreeWorker(id, Capability.CPU, 8, 16_000, score, free, 0, List.of(0));
    }

    private static List<String> placed(List<Assignment> assignments) {
        return assignments.stream().map(a -> a.task().taskId() + "->" + a.workerId()).toList();
    }

    @Test
    void aBlocklistedWorkerGetsNoneOfTheJobsTasksTheNextBestWorkerTakesThem() {
        Blocklist blocklist = new Blocklist(Map.of("bad-job", Set.of("fast")));
        List<Assignment> assignments = placement.place(List.of(task("t1", "bad-job", 50)),
                List.of(worker("fast", 9, 1), worker("slow", 1, 1)), blocklist);
        assertEquals(List.of("t1->slow"), placed(assignments));
    }

    @Test
    void aJobWhoseOnlyFreeWorkerIsBlocklistedWaitsWhileOtherJobsUseTheWorker() {
        Blocklist blocklist = new Blocklist(Map.of("bad-job", Set.of("only")));
        List<Assignment> assignments = placement.place(
                List.of(task("urgent", "bad-job", 100), task("other", "good-job", 10)),
                List.of(worker("only", 1, 2)), blocklist);
        assertEquals(List.of("other->only"), placed(assignments),
                "the blocklisted job's task waits even though a slot stays free");
    }

    @Test
    void theBlocklistIsPerJob() {
        Blocklist blocklist = new Blocklist(Map.of("bad-job", Set.of("w")));
        List<Assignment> assignments = placement.place(List.of(task("t1", "good-job", 50)),
                List.of(worker("w", 1, 1)), blocklist);
        assertEquals(List.of("t1->w"), placed(assignments));
    }

    @Test
    void localQueuesSkipBlocklistedWorkersToo() {
        Blocklist blocklist = new Blocklist(Map.of("bad-job", Set.of("busy")));
        FreeWorker busyWithRoom = new FreeWorker("busy", Capability.CPU, 8, 16_000, 1, 0, 2, List.of(0), 4);
        assertTrue(placement.place(List.of(task("t1", "bad-job", 50)), List.of(busyWithRoom), blocklist).isEmpty());
        assertEquals(List.of("t1->busy"), placed(placement.place(List.of(task("t1", "good-job", 50)),
                List.of(busyWithRoom), blocklist)));
    }

    @Test
    void withoutABlocklistEveryCompatibleWorkerIsACandidate() {
        assertEquals(List.of("t1->fast"), placed(placement.place(List.of(task("t1", "bad-job", 50)),
                List.of(worker("fast", 9, 1), worker("slow", 1, 1)))));
    }
}
