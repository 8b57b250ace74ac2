package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** (a) A studio submits a 24-frame animation over REST and gets every frame back as a PNG. */
@ExtendWith(E2eFarm.class)
class RestJobTest {

    @Test
    void aRestJobRendersEveryFrame() {
        JobsApi api = E2eFarm.api();
        JobsApi.Response created = api.submit(JobsApi.demoJob("rest-24", "cpu", 1, 24, 4, 320, 180));
        assertEquals(201, created.status(), created.body());
        String jobId = created.json().path("jobId").asText();
        assertTrue(created.location().endsWith("/api/v1/jobs/" + jobId), created.location());

        JsonNode job = api.awaitTerminal(jobId, Duration.ofMinutes(4));

        assertEquals("COMPLETED", job.path("state").asText(), job.toString());
        assertEquals(24, job.path("progress").path("framesDone").asInt());
        assertEquals(6, job.path("progress").path("tasksTotal").asInt());
        JsonNode tasks = api.tasks(jobId);
        assertEquals(6, tasks.size());
        for (JsonNode task : tasks) {
            assertEquals("SUCCEEDED", task.path("state").asText(), task.toString());
            assertTrue(task.path("workerId").asText().startsWith("cpu-"), task.toString());
        }
        RenderedFrames.assertComplete(Path.of(job.path("outputDir").asText()), 1, 24, 320, 180);
    }
}
