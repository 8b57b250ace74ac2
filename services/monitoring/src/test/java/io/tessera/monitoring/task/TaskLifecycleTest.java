package io.tessera.monitoring.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tessera.contracts.TaskState;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskProgress;
import io.tessera.contracts.tasks.TaskStarted;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final TaskLifecycle lifecycle = new TaskLifecycle(3);

    private static TaskSnapshot queued(int attempt) {
        return new TaskSnapshot(TaskState.QUEUED, attempt, null);
    }

    private static TaskSnapshot running(int attempt, String worker) {
        return new TaskSnapshot(TaskState.RUNNING, attempt, worker);
    }

    private static TaskStarted started(int attempt, String worker) {
        return new TaskStarted("j-t00000", "j", attempt, worker, NOW);
    }

    private static TaskCompleted completed(int attempt, String worker) {
        return new TaskCompleted("j-t00000", "j", attempt, worker, List.of(), 10, NOW);
    }

    private static TaskFailed failed(int attempt, String worker, boolean retryable) {
        return new TaskFailed("j-t00000", "j", attempt, worker, "boom", retryable, NOW);
    }

    private static TaskProgress progress(int attempt, String worker) {
        return new TaskProgress("j-t00000", "j", attempt, worker, 1, 2, NOW);
    }

    @Test
    void startedForCurrentAttemptStartsAQueuedTask() {
        assertEquals(Action.START, lifecycle.onEvent(queued(1), started(1, "w1")).action());
    }

    @Test
    void duplicateStartFromAnotherWorkerIsIgnoredTheFirstKeepsTheLease() {
        Decision decision = lifecycle.onEvent(running(1, "w1"), started(1, "w2"));
        assertEquals(Action.IGNORE, decision.action());
    }

    @Test
    void duplicateStartFromTheLeaseHolderOnlyRenewsTheLease() {
        assertEquals(Action.EXTEND_LEASE, lifecycle.onEvent(running(1, "w1"), started(1, "w1")).action());
    }

    @Test
    void olderAttemptCompletedAfterRepublishIsStale() {
        assertEquals(Action.STALE, lifecycle.onEvent(queued(2), completed(1, "w1")).action());
        assertEquals(Action.STALE, lifecycle.onEvent(running(2, "w2"), completed(1, "w1")).action());
    }

    @Test
    void everyEventKindOfAnotherAttemptIsStale() {
        TaskSnapshot task = running(2, "w2");
        assertEquals(Action.STALE, lifecycle.onEvent(task, started(1, "w1")).action());
        assertEquals(Action.STALE, lifecycle.onEvent(task, progress(1, "w1")).action());
        assertEquals(Action.STALE, lifecycle.onEvent(task, failed(1, "w1", true)).action());
        assertEquals(Action.STALE, lifecycle.onEvent(task, started(3, "w3")).action());
    }

    @Test
    void staleWinsOverTerminalState() {
        TaskSnapshot succeeded = new TaskSnapshot(TaskState.SUCCEEDED, 2, "w2");
        assertEquals(Action.STALE, lifecycle.onEvent(succeeded, completed(1, "w1")).action());
        assertEquals(Action.IGNORE, lifecycle.onEvent(succeeded, completed(2, "w2")).action());
    }

    @Test
    void completedByTheLeaseHolderOrWhileQueuedCommits() {
        assertEquals(Action.COMMIT, lifecycle.onEvent(running(1, "w1"), completed(1, "w1")).action());
        assertEquals(Action.COMMIT, lifecycle.onEvent(queued(1), completed(1, "w1")).action());
    }

    @Test
    void completedByAWorkerNotHoldingTheLeaseIsIgnored() {
        assertEquals(Action.IGNORE, lifecycle.onEvent(running(1, "w1"), completed(1, "w2")).action());
    }

    @Test
    void progressRenewsOnlyTheLeaseHolder() {
        assertEquals(Action.EXTEND_LEASE, lifecycle.onEvent(running(1, "w1"), progress(1, "w1")).action());
        assertEquals(Action.IGNORE, lifecycle.onEvent(running(1, "w1"), progress(1, "w2")).action());
        assertEquals(Action.IGNORE, lifecycle.onEvent(queued(1), progress(1, "w1")).action());
    }

    @Test
    void retryableFailureBeforeMaxAttemptsRetries() {
        Decision decision = lifecycle.onEvent(running(2, "w1"), failed(2, "w1", true));
        assertEquals(Action.RETRY, decision.action());
        assertEquals("boom", decision.reason());
    }

    @Test
    void failureAtMaxAttemptsIsDead() {
        Decision decision = lifecycle.onEvent(running(3, "w1"), failed(3, "w1", true));
        assertEquals(Action.DEAD, decision.action());
        assertEquals("boom", decision.reason());
    }

    @Test
    void nonRetryableFailureIsDeadAtOnce() {
        assertEquals(Action.DEAD, lifecycle.onEvent(running(1, "w1"), failed(1, "w1", false)).action());
    }

    @Test
    void failureFromAWorkerNotHoldingTheLeaseIsIgnored() {
        assertEquals(Action.IGNORE, lifecycle.onEvent(running(1, "w1"), failed(1, "w2", true)).action());
    }

    @Test
    void eventsForTerminalTasksAreIgnored() {
        for (TaskState state : List.of(TaskState.SUCCEEDED, TaskState.DEAD, TaskState.CANCELLED)) {
            TaskSnapshot task = new TaskSnapshot(state, 1, "w1");
            assertEquals(Action.IGNORE, lifecycle.onEvent(task, started(1, "w1")).action(), state.name());
            assertEquals(Action.IGNORE, lifecycle.onEvent(task, completed(1, "w1")).action(), state.name());
            assertEquals(Action.IGNORE, lifecycle.onEvent(task, failed(1, "w1", true)).action(), state.name());
        }
    }

    @Test
    void expiredLeaseRetriesUntilAttemptsAreExhausted() {
        assertEquals(Action.RETRY, lifecycle.onLeaseExpired(running(1, "w1")).action());
        assertEquals(Action.RETRY, lifecycle.onLeaseExpired(running(2, "w1")).action());
        Decision last = lifecycle.onLeaseExpired(running(3, "w1"));
        assertEquals(Action.DEAD, last.action());
        assertEquals("lease of worker w1 expired", last.reason());
    }

    @Test
    void expiredLeaseOfATaskNoLongerRunningChangesNothing() {
        assertEquals(Action.IGNORE, lifecycle.onLeaseExpired(queued(2)).action());
    }

    @Test
    void stateChangingDecisionsAreMarked() {
        assertEquals(true, lifecycle.onEvent(queued(1), started(1, "w1")).changesState());
        assertEquals(false, lifecycle.onEvent(queued(2), completed(1, "w1")).changesState());
    }

    @Test
    void eventsOfAWaitingTaskAreDeferredTheyOvertookItsRelease() {
        TaskSnapshot waiting = new TaskSnapshot(TaskState.WAITING, 1, null);
        assertEquals(Action.DEFER, lifecycle.onEvent(waiting, started(1, "w1")).action());
        assertEquals(Action.DEFER, lifecycle.onEvent(waiting, completed(1, "w1")).action());
        assertEquals(Action.STALE, lifecycle.onEvent(waiting, completed(2, "w1")).action());
        assertEquals(Action.IGNORE, lifecycle.onLeaseExpired(waiting).action());
    }

    @Test
    void maxAttemptsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new TaskLifecycle(0));
    }

    @Test
    void aRetriedDeadTaskGetsAFreshBudgetOfAttempts() {
        TaskSnapshot diedAt3 = new TaskSnapshot(TaskState.RUNNING, 3, "w1");
        assertEquals(Action.DEAD, lifecycle.onEvent(diedAt3, failed(3, "w1", true)).action());
        // requeued by retry-failed: attempt 4 is the first of a new budget of 3
        TaskSnapshot retried = new TaskSnapshot(TaskState.RUNNING, 4, "w1", 3);
        assertEquals(Action.RETRY, lifecycle.onEvent(retried, failed(4, "w1", true)).action());
        assertEquals(Action.RETRY, lifecycle.onLeaseExpired(new TaskSnapshot(TaskState.RUNNING, 5, "w1", 3)).action());
        assertEquals(Action.DEAD, lifecycle.onEvent(new TaskSnapshot(TaskState.RUNNING, 6, "w1", 3),
                failed(6, "w1", true)).action());
        assertEquals(Action.STALE, lifecycle.onEvent(retried, failed(3, "w1", true)).action(),
                "the attempt that died stays fenced off");
    }

    @Test
    void aHandBackIsRetriedEvenWhenTheAttemptsAreSpent() {
        TaskFailed handedBack = new TaskFailed("j-t00000", "j", 3, "w1", "worker drained", true, NOW, true);
        assertEquals(Action.RETRY, lifecycle.onEvent(running(3, "w1"), handedBack).action());
        assertEquals(Action.DEAD, lifecycle.onEvent(running(3, "w1"), failed(3, "w1", true)).action(),
                "a failure of the render at the last attempt");
    }
}
