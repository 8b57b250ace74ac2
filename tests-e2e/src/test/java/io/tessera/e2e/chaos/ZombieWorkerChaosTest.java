package io.tessera.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.contracts.Topics;
import io.tessera.e2e.E2eFarm;
import io.tessera.e2e.JobsApi;
import io.tessera.farm.process.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, chaos: the zombie. The CPU workers render frame 1's first attempt forever ({@code hang} fault, run
 * timeout an hour: a render far longer than the lease). The worker rendering it is frozen with SIGSTOP and stays
 * frozen past its lease, so monitoring retries the task on the other worker and accepts that attempt. Then the
 * worker gets SIGCONT: monitoring has told it its lease is gone (LeaseRevoked), so it stops the render at once and
 * reports the attempt failed ("lease revoked: ..."), long before any timeout. Its report is ignored (fenced by the
 * attempt number): the accepted frame file keeps its bytes and time, the task keeps its accepted attempt and
 * worker, the task is never accepted twice and no staged file of the zombie stays behind.
 */
@ExtendWith(E2eFarm.class)
class ZombieWorkerChaosTest {

    private static final int FRAMES = 100;
    /** Frame 1 is the first frame dispatched (key frames first): its first attempt hangs. */
    private static final String HANG = "hang:frame=1:attempts=1";
    private static final Duration RUN_TIMEOUT = Duration.ofHours(1);
    /** How soon after SIGCONT the zombie must have stopped its render: a few heartbeats, far below any timeout. */
    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void printTable() {
        ChaosReport.printTable();
    }

    @Test
    void aWorkerResumedPastItsLeaseStopsItsRenderAndCannotChangeTheAcceptedOutput() throws Exception {
        ChaosFarm.restartCpuWorkers(spec -> spec.withFaults(HANG).withRunTimeout(RUN_TIMEOUT));
        ChaosJob job = ChaosJob.submit("chaos-zombie", FRAMES, 320, 180);
        ServiceProcess zombie = null;
        boolean paused = false;
        Instant pausedAt = null;
        try {
            JsonNode stalled = awaitHungTask(job);
            zombie = ChaosFarm.farm().process(stalled.path("workerId").asText());
            zombie.pause();
            paused = true;
            pausedAt = Instant.now();
            JsonNode left = awaitTaskLeaves(job, stalled);
            assertTrue(left.path("attempt").asInt() > stalled.path("attempt").asInt(), "a hung render cannot"
                    + " finish: its task must be retried once the lease expired, got " + left);
            String taskId = stalled.path("taskId").asText();
            int zombieAttempt = stalled.path("attempt").asInt();
            System.out.printf("chaos: SIGSTOP %s while it rendered %s attempt %d (hung)%n", zombie.name(), taskId,
                    zombieAttempt);

            JsonNode accepted = awaitTask(job, taskId, "SUCCEEDED", Duration.ofMinutes(2));
            assertTrue(accepted.path("attempt").asInt() > zombieAttempt, accepted.toString());
            Path frame = job.outputDir().resolve(String.format("frame_%04d.png", accepted.path("frameStart").asInt()));
            byte[] acceptedBytes = Files.readAllBytes(frame);
            FileTime acceptedTime = Files.getLastModifiedTime(frame);
            double staleBefore = staleEvents();

            zombie.resume();
            paused = false;
            double frozenSeconds = Duration.between(pausedAt, Instant.now()).toMillis() / 1000.0;
            System.out.printf("chaos: SIGCONT %s, %.1f s after its SIGSTOP; %s was accepted as attempt %d on %s%n",
                    zombie.name(), frozenSeconds, taskId,
                    accepted.path("attempt").asInt(), accepted.path("workerId").asText());
            JsonNode late = awaitLateReport(job, taskId, zombieAttempt);
            assertNotNull(late, zombie.name() + " did not stop its hung render within " + STOP_WITHIN
                    + " of SIGCONT (run timeout " + RUN_TIMEOUT + ")");
            assertEquals("io.tessera.TaskFailed", late.path("type").asText(), late.toString());
            assertTrue(late.path("reason").asText().startsWith("lease revoked: "), late.toString());
            String lateEvent = "TaskFailed attempt " + zombieAttempt + " (" + late.path("reason").asText() + ")";
            boolean staleCounted = awaitStaleCountAbove(staleBefore);

            JsonNode after = awaitTask(job, taskId, "SUCCEEDED", Duration.ofSeconds(10));
            assertEquals(accepted.path("attempt").asInt(), after.path("attempt").asInt(), after.toString());
            assertEquals(accepted.path("workerId").asText(), after.path("workerId").asText(), after.toString());
            assertArrayEquals(acceptedBytes, Files.readAllBytes(frame), "the zombie changed " + frame);
            assertEquals(acceptedTime, Files.getLastModifiedTime(frame), "the zombie rewrote " + frame);

            ChaosOutcome outcome = job.outcome(pausedAt, Duration.ofMinutes(5));
            String faults = String.format("SIGSTOP %s for %.1f s (lease %d s), then SIGCONT; late report: ",
                    zombie.name(), frozenSeconds, E2eFarm.LEASE_TIMEOUT.toSeconds())
                    + (lateEvent == null ? "none" : lateEvent + (staleCounted ? ", counted stale" : ", not counted"));
            ChaosReport.record("SIGSTOP a CPU worker hung in a render past its lease, SIGCONT (zombie)", faults,
                    outcome, outcome.result());
            outcome.assertClean();
            // the zombie's staged files are deleted once monitoring has ignored its late report
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (job.stagingLeftovers() > 0 && System.nanoTime() < deadline) {
                ChaosJob.sleep(250);
            }
            assertEquals(0, job.stagingLeftovers(), "files left under " + job.outputDir().resolve(".staging"));
        } finally {
            if (paused) {
                zombie.resume();
            }
            ChaosFarm.restartCpuWorkers(spec -> spec);
            ChaosFarm.heal();
        }
    }

    /** The task of frame 1 RUNNING its first (hanging) attempt on a CPU worker. */
    private static JsonNode awaitHungTask(ChaosJob job) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode tasks = job.tasks();
            for (JsonNode task : tasks == null ? JobsApi.JSON.createArrayNode() : tasks) {
                if (task.path("frameStart").asInt() == 1 && "RUNNING".equals(task.path("state").asText())
                        && task.path("attempt").asInt() == 1 && task.path("workerId").asText().startsWith("cpu-")) {
                    return task;
                }
            }
            ChaosJob.sleep(30);
        }
        throw new AssertionError("frame 1 of " + job.id() + " was not seen running on a CPU worker");
    }

    /** Waits until the task is no longer the same attempt RUNNING on the same worker. */
    private static JsonNode awaitTaskLeaves(ChaosJob job, JsonNode running) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode task = find(job.tasks(), running.path("taskId").asText());
            if (task != null && !(task.path("state").asText().equals("RUNNING")
                    && task.path("attempt").asInt() == running.path("attempt").asInt())) {
                return task;
            }
            ChaosJob.sleep(200);
        }
        throw new AssertionError("task " + running + " neither finished nor lost its lease");
    }

    private static JsonNode awaitTask(ChaosJob job, String taskId, String state, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode task = null;
        while (System.nanoTime() < deadline) {
            task = find(job.tasks(), taskId);
            if (task != null && state.equals(task.path("state").asText())) {
                return task;
            }
            ChaosJob.sleep(200);
        }
        throw new AssertionError("task " + taskId + " not " + state + " within " + timeout + ": " + task);
    }

    private static JsonNode find(JsonNode tasks, String taskId) {
        if (tasks != null) {
            for (JsonNode task : tasks) {
                if (taskId.equals(task.path("taskId").asText())) {
                    return task;
                }
            }
        }
        return null;
    }

    /**
     * The zombie's final report of its old attempt on farm.task-events.v1 (its data plus {@code type}), or null when
     * none came within {@link #STOP_WITHIN}.
     */
    private static JsonNode awaitLateReport(ChaosJob job, String taskId, int attempt) {
        String bootstrap = E2eFarm.farm().bootstrapServers();
        long deadline = System.nanoTime() + STOP_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            for (ChaosTopics.Event event : ChaosTopics.eventsOf(bootstrap, Topics.TASK_EVENTS, job.id())) {
                boolean report = "io.tessera.TaskCompleted".equals(event.type())
                        || "io.tessera.TaskFailed".equals(event.type());
                if (report && taskId.equals(event.data().path("taskId").asText())
                        && event.data().path("attempt").asInt() == attempt) {
                    return ((com.fasterxml.jackson.databind.node.ObjectNode) event.data().deepCopy())
                            .put("type", event.type());
                }
            }
            ChaosJob.sleep(500);
        }
        return null;
    }

    private static boolean awaitStaleCountAbove(double before) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (staleEvents() > before) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** monitoring's tessera_stale_events_total, summed over its series. */
    private static double staleEvents() throws IOException, InterruptedException {
        URI metrics = ChaosFarm.farm().process("monitoring").baseUrl().resolve("/q/metrics");
        String body = HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double total = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith("tessera_stale_events_total")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
