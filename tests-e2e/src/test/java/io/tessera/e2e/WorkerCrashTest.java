package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.farm.process.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * (d) A worker is SIGKILLed while it renders: after the lease timeout its task is republished with the next
 * attempt, the job completes, and every frame is committed once, by the accepted attempt.
 */
@ExtendWith(E2eFarm.class)
class WorkerCrashTest {

    @Test
    void aKilledWorkersTaskIsRepublishedAndTheJobCompletes() throws Exception {
        JobsApi api = E2eFarm.api();
        String jobId = api.submit(JobsApi.demoJob("crash", "cpu", 1, 12, 6, 640, 360)).json()
                .path("jobId").asText();
        JsonNode running = awaitRunningTask(api, jobId);
        String victim = running.path("workerId").asText();
        String taskId = running.path("taskId").asText();
        ServiceProcess worker = E2eFarm.farm().process(victim);

        worker.process().destroyForcibly().waitFor();
        assertFalse(worker.isAlive());

        try {
            JsonNode job = api.awaitTerminal(jobId, Duration.ofMinutes(4));
            assertEquals("COMPLETED", job.path("state").asText(), job.toString());
            JsonNode task = taskById(api.tasks(jobId), taskId);
            assertEquals("SUCCEEDED", task.path("state").asText(), task.toString());
            assertTrue(task.path("attempt").asInt() >= 2, "the killed attempt cannot be the accepted one: " + task);
            assertNotEquals(victim, task.path("workerId").asText(), "a dead worker cannot complete: " + task);
            RenderedFrames.assertComplete(Path.of(job.path("outputDir").asText()), 1, 12, 640, 360);
        } finally {
            E2eFarm.farm().startWorker(victim, "cpu", Map.of("tessera.worker.heartbeat-interval", "1s"));
        }
    }

    private static JsonNode awaitRunningTask(JobsApi api, String jobId) {
        for (int i = 0; i < 400; i++) {
            for (JsonNode task : api.tasks(jobId)) {
                if ("RUNNING".equals(task.path("state").asText()) && task.path("workerId").asText().startsWith("cpu-")) {
                    return task;
                }
            }
            JobsApi.sleep(100);
        }
        throw new AssertionError("no task of " + jobId + " started running");
    }

    private static JsonNode taskById(JsonNode tasks, String taskId) {
        for (JsonNode task : tasks) {
            if (taskId.equals(task.path("taskId").asText())) {
                return task;
            }
        }
        throw new AssertionError("task " + taskId + " missing from " + tasks);
    }
}
