package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** (f) Cancelling a running job: queued tasks never start, running ones stop, no frame appears afterwards. */
@ExtendWith(E2eFarm.class)
class CancelTest {

    @Test
    void cancelStopsTheJob() {
        JobsApi api = E2eFarm.api();
        String jobId = api.submit(JobsApi.demoJob("to-cancel", "cpu", 1, 48, 2, 960, 540)).json()
                .path("jobId").asText();
        api.awaitJob(jobId, job -> job.path("progress").path("framesDone").asInt() >= 2, Duration.ofMinutes(2),
                "its first frames");

        JobsApi.Response cancelled = api.cancel(jobId);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", cancelled.json().path("state").asText());
        assertEquals(409, api.cancel(jobId).status(), "cancelling twice is a conflict");

        JsonNode tasks = awaitNoActiveTask(api, jobId);
        int neverStarted = 0;
        for (JsonNode task : tasks) {
            assertTrue(Set.of("SUCCEEDED", "CANCELLED").contains(task.path("state").asText()), task.toString());
            if ("CANCELLED".equals(task.path("state").asText()) && task.path("workerId").isNull()) {
                neverStarted++;
            }
        }
        assertTrue(neverStarted > 0, "queued tasks should have been cancelled before starting: " + tasks);

        Path output = Path.of(api.job(jobId).path("outputDir").asText());
        long frames = RenderedFrames.pngCount(output);
        JobsApi.sleep(E2eFarm.LEASE_TIMEOUT.toMillis() + 2000);
        assertEquals(frames, RenderedFrames.pngCount(output), "frames were committed after the cancel");
        assertTrue(frames < 48, "the whole job rendered despite the cancel");
        assertEquals("CANCELLED", api.job(jobId).path("state").asText());
    }

    private static JsonNode awaitNoActiveTask(JobsApi api, String jobId) {
        JsonNode tasks = null;
        for (int i = 0; i < 120; i++) {
            tasks = api.tasks(jobId);
            boolean active = false;
            for (JsonNode task : tasks) {
                active |= Set.of("QUEUED", "RUNNING", "STALLED").contains(task.path("state").asText());
            }
            if (!active && tasks.size() == 24) {
                return tasks;
            }
            JobsApi.sleep(250);
        }
        throw new AssertionError("tasks still active after the cancel: " + tasks);
    }
}
