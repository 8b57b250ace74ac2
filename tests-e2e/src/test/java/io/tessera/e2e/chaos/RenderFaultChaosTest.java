package io.tessera.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.contracts.Topics;
import io.tessera.e2e.E2eFarm;
import io.tessera.e2e.JobsApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, chaos: renders that fail or hang. Both CPU workers are restarted once with {@code tessera.worker.faults}
 * rules naming one frame of each scenario's 200-task job (the jobs cover frames 1001-1200, 2001-2200 and 3001-3200;
 * the faulty frame is the one dispatched halfway), so whichever worker takes an attempt of that frame's task fails or
 * hangs it the same way:
 * <ul>
 *   <li>a render that fails twice is retried and the job completes, the task at attempt 3, each failed attempt's
 *       reason published on {@code farm.job-status.v1};</li>
 *   <li>a render that never returns is stopped by the worker's run timeout (5 s here), retried, and the job
 *       completes;</li>
 *   <li>a render that always fails makes the task DEAD after its three attempts and the job FAILED with that
 *       reason; every other task is SUCCEEDED (its frame committed once) or CANCELLED with the job (nothing
 *       committed), and of the CANCELLED ones only what the workers already held may still be rendered. Then the
 *       workers are put back without faults (as E2eFarm started them) and retry-failed runs the job to COMPLETED.</li>
 * </ul>
 */
@ExtendWith(E2eFarm.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RenderFaultChaosTest {

    private static final int FRAMES = 200;
    /** The faulty frame's position in each job: dispatched halfway, rank 100 of 200 in key-frame order. */
    private static final int FAULTY_OFFSET = 109;
    private static final int FAIL_TWICE_FIRST = 1001;
    private static final int HANG_FIRST = 2001;
    private static final int ALWAYS_FAILS_FIRST = 3001;
    private static final String FAIL_TWICE = "fail:frame=" + (FAIL_TWICE_FIRST + FAULTY_OFFSET) + ":attempts=2";
    private static final String HANG = "hang:frame=" + (HANG_FIRST + FAULTY_OFFSET) + ":attempts=1";
    private static final String ALWAYS_FAILS = "fail:frame=" + (ALWAYS_FAILS_FIRST + FAULTY_OFFSET)
            + ":attempts=always";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    /** No task event of a job for this long: its workers are done with it. */
    private static final Duration QUIET = Duration.ofSeconds(10);
    /** What two CPU workers of one slot can hold: each its running task and a full local queue (16). */
    private static final int MOST_HELD_BY_WORKERS = 2 * (1 + 16);
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;

    private static boolean faulty;

    @BeforeAll
    static void startFaultyWorkers() throws Exception {
        faulty = true;
        ChaosFarm.restartCpuWorkers(spec -> spec.withFaults(String.join(",", FAIL_TWICE, HANG, ALWAYS_FAILS))
                .withRunTimeout(RUN_TIMEOUT));
    }

    @AfterAll
    static void restoreWorkers() throws Exception {
        try {
            if (faulty) {
                ChaosFarm.restartCpuWorkers(spec -> spec);
            }
        } finally {
            ChaosReport.printTable();
        }
    }

    @Test
    @Order(1)
    void aRenderFailingTwiceIsRetriedAndTheJobCompletes() throws Exception {
        String rule = FAIL_TWICE;
        int faultyFrame = FAIL_TWICE_FIRST + FAULTY_OFFSET;
        ChaosJob job = ChaosJob.submit("chaos-fail-twice", FAIL_TWICE_FIRST, FRAMES, WIDTH, HEIGHT);
        job.awaitTerminal(JOB_TIMEOUT);

        JsonNode task = job.taskCovering(faultyFrame);
        String taskId = task.path("taskId").asText();
        List<JsonNode> changes = job.statusChanges(taskId);
        List<JsonNode> failures = failedAttempts(changes);
        assertEquals(List.of(attempt(1, injected(faultyFrame, rule, 1)), attempt(2, injected(faultyFrame, rule, 2))),
                reasons(failures), "failed attempts " + changes);
        assertEquals("SUCCEEDED", task.path("state").asText(), task.toString());
        assertEquals(3, task.path("attempt").asInt(), "the attempt accepted: " + task);

        Instant lastFault = at(failures.get(failures.size() - 1));
        ChaosOutcome outcome = job.outcome(lastFault, JOB_TIMEOUT);
        ChaosReport.record("render of one frame fails twice, then succeeds",
                rule + " on both CPU workers; task " + shortId(taskId) + " SUCCEEDED at attempt 3, "
                        + seconds(at(failures.get(0)), at(last(changes, "SUCCEEDED")))
                        + " s after its first failure", outcome, outcome.result());
        outcome.assertClean();
    }

    @Test
    @Order(3)
    void aRenderThatAlwaysFailsEndsDeadAndFailsTheJobLosingNothingElseThenRetryFailedCompletesIt() throws Exception {
        String rule = ALWAYS_FAILS;
        int faultyFrame = ALWAYS_FAILS_FIRST + FAULTY_OFFSET;
        ChaosJob job = ChaosJob.submit("chaos-always-fails", ALWAYS_FAILS_FIRST, FRAMES, WIDTH, HEIGHT);
        JsonNode view = job.awaitTerminal(JOB_TIMEOUT);

        JsonNode task = job.taskCovering(faultyFrame);
        String taskId = task.path("taskId").asText();
        List<JsonNode> changes = job.statusChanges(taskId);
        List<JsonNode> failures = failedAttempts(changes);
        assertEquals(List.of(attempt(1, injected(faultyFrame, rule, 1)), attempt(2, injected(faultyFrame, rule, 2)),
                attempt(3, injected(faultyFrame, rule, 3))), reasons(failures), "failed attempts " + changes);
        assertEquals("DEAD", task.path("state").asText(), task.toString());
        assertEquals(3, task.path("attempt").asInt(), task.toString());
        assertEquals(injected(faultyFrame, rule, 3), task.path("reason").asText(), "the dead task's reason");
        assertEquals("FAILED", view.path("state").asText(), view.toString());
        assertEquals("task " + taskId + " failed after 3 attempts: " + injected(faultyFrame, rule, 3),
                view.path("reason").asText(), "the job's reason");

        Instant lastFault = at(failures.get(failures.size() - 1));
        ChaosOutcome outcome = job.outcomeOfFailedJob(lastFault, JOB_TIMEOUT);
        int succeeded = 0;
        Set<String> cancelled = new HashSet<>();
        List<String> unexpected = new ArrayList<>();
        for (JsonNode other : job.tasks()) {
            String state = other.path("state").asText();
            if (other.path("taskId").asText().equals(taskId)) {
                continue;
            }
            if ("SUCCEEDED".equals(state)) {
                succeeded++;
            } else if ("CANCELLED".equals(state)
                    && other.path("reason").asText().startsWith("job " + job.id() + " failed: ")) {
                cancelled.add(other.path("taskId").asText());
            } else {
                unexpected.add(other.toString());
            }
        }
        Set<String> renderedAnyway = renderedWhenQuiet(job, cancelled);
        String faults = rule + " on both CPU workers; task " + shortId(taskId) + " DEAD after 3 attempts; "
                + succeeded + " other tasks SUCCEEDED, " + cancelled.size() + " CANCELLED with the job ("
                + renderedAnyway.size() + " of them still rendered, results discarded)";
        boolean clean = unexpected.isEmpty() && outcome.lost() == 0 && outcome.duplicated() == 0;
        ChaosReport.record("render of one frame always fails (task DEAD, job FAILED)", faults, outcome,
                clean ? "pass (job FAILED as expected)" : "FAIL");
        assertEquals(List.of(), unexpected, "other tasks neither SUCCEEDED nor CANCELLED with the job");
        assertEquals(FRAMES - 1, succeeded + cancelled.size(), faults);
        // once the job failed, assignment dropped its queued tasks (TasksWithdrawn) and monitoring revoked running
        // ones: only what the two 1-slot workers already held can still be rendered, a slot and a full local queue
        assertTrue(renderedAnyway.size() <= MOST_HELD_BY_WORKERS, renderedAnyway.size() + " cancelled tasks were"
                + " still rendered after the job failed (at most " + MOST_HELD_BY_WORKERS + "): " + renderedAnyway);
        outcome.assertNothingLostOrDuplicated();

        // the fault fixed, retry-failed runs the DEAD task and the withdrawn ones again: the job completes with every
        // frame committed exactly once (the withdrawal must not have eaten the retried tasks)
        ChaosFarm.restartCpuWorkers(spec -> spec);
        faulty = false;
        JobsApi.Response retry = E2eFarm.api().retryFailed(job.id());
        assertEquals(200, retry.status(), retry.body());
        E2eFarm.api().awaitJob(job.id(), v -> "COMPLETED".equals(v.path("state").asText()), JOB_TIMEOUT,
                "COMPLETED after retry-failed");
        job.outcome(null, JOB_TIMEOUT).assertClean();
    }

    @Test
    @Order(2)
    void aHungRenderIsStoppedByTheRunTimeoutRetriedAndTheJobCompletes() throws Exception {
        String rule = HANG;
        ChaosJob job = ChaosJob.submit("chaos-hang", HANG_FIRST, FRAMES, WIDTH, HEIGHT);
        job.awaitTerminal(JOB_TIMEOUT);

        JsonNode task = job.taskCovering(HANG_FIRST + FAULTY_OFFSET);
        String taskId = task.path("taskId").asText();
        List<JsonNode> changes = job.statusChanges(taskId);
        List<JsonNode> failures = failedAttempts(changes);
        assertEquals(List.of(attempt(1, "run timeout: render exceeded 5s (0 of 1 frames done)")),
                reasons(failures), "failed attempts " + changes);
        assertEquals("SUCCEEDED", task.path("state").asText(), task.toString());
        assertEquals(2, task.path("attempt").asInt(), "the attempt accepted: " + task);

        Instant stopped = at(failures.get(0));
        JsonNode hung = first(changes, change -> "RUNNING".equals(change.path("state").asText())
                && change.path("attempt").asInt() == 1);
        ChaosOutcome outcome = job.outcome(stopped, JOB_TIMEOUT);
        ChaosReport.record("render of one frame hangs (run timeout 5 s), retried",
                rule + " on both CPU workers; attempt 1 hung on " + hung.path("workerId").asText() + " for "
                        + seconds(at(hung), stopped) + " s until the run timeout; task " + shortId(taskId)
                        + " SUCCEEDED at attempt 2 " + seconds(stopped, at(last(changes, "SUCCEEDED"))) + " s later",
                outcome, outcome.result());
        outcome.assertClean();
    }

    /**
     * The tasks of {@code ids} that workers completed anyway (monitoring ignores those results), counted once the
     * workers have been quiet on the job for {@link #QUIET}, so the next test finds idle workers.
     */
    private static Set<String> renderedWhenQuiet(ChaosJob job, Set<String> ids) {
        String bootstrap = E2eFarm.farm().bootstrapServers();
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        int seen = -1;
        List<ChaosTopics.Event> events = List.of();
        while (System.nanoTime() < deadline) {
            events = ChaosTopics.eventsOf(bootstrap, Topics.TASK_EVENTS, job.id());
            if (events.size() == seen) {
                break;
            }
            seen = events.size();
            ChaosJob.sleep(QUIET.toMillis());
        }
        Set<String> rendered = new TreeSet<>();
        for (ChaosTopics.Event event : events) {
            String task = event.data().path("taskId").asText();
            if ("io.tessera.TaskCompleted".equals(event.type()) && ids.contains(task)) {
                rendered.add(task);
            }
        }
        return rendered;
    }

    /** The reason a worker gives for attempt {@code attempt} of {@code frame} failed by {@code rule}. */
    private static String injected(int frame, String rule, int attempt) {
        return "injected fault: render of frame " + frame + " failed on attempt " + attempt
                + " (tessera.worker.faults rule " + rule + ")";
    }

    private static String attempt(int attempt, String reason) {
        return "attempt " + attempt + ": " + reason;
    }

    /** The FAILED state changes of a task: one per failed attempt. */
    private static List<JsonNode> failedAttempts(List<JsonNode> changes) {
        List<JsonNode> failed = changes.stream().filter(c -> "FAILED".equals(c.path("state").asText())).toList();
        assertTrue(!failed.isEmpty(), "no failed attempt published: " + changes);
        return failed;
    }

    private static List<String> reasons(List<JsonNode> failures) {
        return failures.stream()
                .map(f -> attempt(f.path("attempt").asInt(), f.path("reason").asText()))
                .toList();
    }

    private static JsonNode first(List<JsonNode> changes, Predicate<JsonNode> which) {
        return changes.stream().filter(which).findFirst()
                .orElseThrow(() -> new AssertionError("no such state change in " + changes));
    }

    private static JsonNode last(List<JsonNode> changes, String state) {
        JsonNode found = null;
        for (JsonNode change : changes) {
            if (state.equals(change.path("state").asText())) {
                found = change;
            }
        }
        if (found == null) {
            throw new AssertionError("no " + state + " in " + changes);
        }
        return found;
    }

    /** {@code t00110} of {@code <jobId>-t00110}. */
    private static String shortId(String taskId) {
        return taskId.substring(taskId.lastIndexOf('-') + 1);
    }

    private static Instant at(JsonNode change) {
        return Instant.parse(change.path("at").asText());
    }

    private static String seconds(Instant from, Instant to) {
        return String.format("%.1f", Duration.between(from, to).toMillis() / 1000.0);
    }
}
