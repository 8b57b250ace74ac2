package io.tessera.monitoring.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.JobState;
import io.tessera.contracts.TaskState;
import io.tessera.monitoring.dag.Readiness.Node;
import io.tessera.monitoring.dag.Readiness.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    private static final List<String> PARTS = List.of("t0", "t1");

    @Test
    void aTaskWithoutDependenciesIsReadyOnceItsJobIsReleased() {
        assertEquals(Verdict.READY, Readiness.verdict(List.of(), Map.of(), true));
        assertEquals(Verdict.WAITING, Readiness.verdict(List.of(), Map.of(), false));
    }

    @Test
    void aTaskWaitsWhileADependencyIsPendingOrNotPlannedYet() {
        assertEquals(Verdict.WAITING, Readiness.verdict(PARTS,
                Map.of("t0", TaskState.SUCCEEDED, "t1", TaskState.RUNNING), true));
        assertEquals(Verdict.WAITING, Readiness.verdict(PARTS, Map.of("t0", TaskState.SUCCEEDED), true),
                "t1 not planned yet");
        assertEquals(Verdict.WAITING, Readiness.verdict(PARTS,
                Map.of("t0", TaskState.QUEUED, "t1", TaskState.WAITING), true));
    }

    @Test
    void aTaskIsReadyWhenEveryDependencySucceededAndItsJobIsReleased() {
        Map<String, TaskState> done = Map.of("t0", TaskState.SUCCEEDED, "t1", TaskState.SUCCEEDED);
        assertEquals(Verdict.READY, Readiness.verdict(PARTS, done, true));
        assertEquals(Verdict.WAITING, Readiness.verdict(PARTS, done, false), "job dependencies pending");
    }

    @Test
    void aDeadOrCancelledDependencyBlocksTheTask() {
        assertEquals(Verdict.BLOCKED, Readiness.verdict(PARTS,
                Map.of("t0", TaskState.SUCCEEDED, "t1", TaskState.DEAD), true));
        assertEquals(Verdict.BLOCKED, Readiness.verdict(PARTS,
                Map.of("t0", TaskState.CANCELLED, "t1", TaskState.RUNNING), false));
    }

    @Test
    void aJobIsReleasedWhenSubmittedAndEveryDependencyJobCompleted() {
        assertTrue(Readiness.jobReleased(true, List.of(), Map.of()));
        assertFalse(Readiness.jobReleased(false, List.of(), Map.of()), "JobSubmitted not seen: deps unknown");
        assertTrue(Readiness.jobReleased(true, List.of("a", "b"),
                Map.of("a", JobState.COMPLETED, "b", JobState.COMPLETED)));
        assertFalse(Readiness.jobReleased(true, List.of("a", "b"),
                Map.of("a", JobState.COMPLETED, "b", JobState.RUNNING)));
        assertFalse(Readiness.jobReleased(true, List.of("a"), Map.of()), "an unknown job is not completed");
    }

    @Test
    void theFirstFailedOrCancelledDependencyJobIsNamed() {
        assertEquals(Optional.empty(), Readiness.failedJob(List.of("a"), Map.of("a", JobState.RUNNING)));
        assertEquals(Optional.of("b"), Readiness.failedJob(List.of("a", "b"),
                Map.of("a", JobState.COMPLETED, "b", JobState.FAILED)));
        assertEquals(Optional.of("a"), Readiness.failedJob(List.of("a"), Map.of("a", JobState.CANCELLED)));
        assertEquals(Optional.empty(), Readiness.failedJob(List.of("x"), Map.of()));
    }

    @Test
    void releasableListsTheWaitingTasksWhoseDependenciesAllSucceeded() {
        List<Node> tasks = List.of(
                new Node("t0", TaskState.SUCCEEDED, List.of()),
                new Node("t1", TaskState.SUCCEEDED, List.of()),
                new Node("t2", TaskState.RUNNING, List.of()),
                new Node("a01", TaskState.WAITING, List.of("t0", "t1")),
                new Node("a2", TaskState.WAITING, List.of("t2")),
                new Node("w", TaskState.WAITING, List.of()),
                new Node("q", TaskState.QUEUED, List.of()));
        assertEquals(List.of("a01", "w"), Readiness.releasable(tasks, true));
        assertEquals(List.of(), Readiness.releasable(tasks, false));
    }

    @Test
    void dependentsAreFoundTransitivelyNearestFirst() {
        List<Node> tasks = List.of(
                new Node("t0", TaskState.DEAD, List.of()),
                new Node("t1", TaskState.SUCCEEDED, List.of()),
                new Node("assembly", TaskState.WAITING, List.of("t0", "t1")),
                new Node("encode", TaskState.WAITING, List.of("assembly")),
                new Node("other", TaskState.WAITING, List.of("t1")));
        assertEquals(List.of("assembly", "encode"), Readiness.dependentsOf(tasks, "t0"));
        assertEquals(List.of("assembly", "other", "encode"), Readiness.dependentsOf(tasks, "t1"));
        assertEquals(List.of(), Readiness.dependentsOf(tasks, "encode"));
    }

    @Test
    void aCycleDoesNotLoopForever() {
        List<Node> tasks = List.of(
                new Node("x", TaskState.DEAD, List.of("y")),
                new Node("y", TaskState.WAITING, List.of("x")));
        assertEquals(List.of("y"), Readiness.dependentsOf(tasks, "x"));
    }
}
