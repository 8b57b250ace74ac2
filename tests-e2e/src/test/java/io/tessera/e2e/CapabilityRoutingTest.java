package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** (c) A CPU job runs only on CPU workers and a GPU job only on the GPU worker. */
@ExtendWith(E2eFarm.class)
class CapabilityRoutingTest {

    @Test
    void tasksRunOnlyOnWorkersOfTheirCapability() {
        JobsApi api = E2eFarm.api();
        String cpuJob = api.submit(JobsApi.demoJob("cpu-only", "cpu", 1, 8, 2, 160, 90)).json().path("jobId").asText();
        String gpuJob = api.submit(JobsApi.demoJob("gpu-only", "gpu", 1, 8, 2, 160, 90)).json().path("jobId").asText();

        assertOnlyOn(api, cpuJob, "cpu-");
        assertOnlyOn(api, gpuJob, "gpu-");
    }

    private static void assertOnlyOn(JobsApi api, String jobId, String workerPrefix) {
        JsonNode job = api.awaitTerminal(jobId, Duration.ofMinutes(3));
        assertEquals("COMPLETED", job.path("state").asText(), job.toString());
        JsonNode tasks = api.tasks(jobId);
        assertEquals(4, tasks.size());
        for (JsonNode task : tasks) {
            assertTrue(task.path("workerId").asText().startsWith(workerPrefix),
                    "task " + task + " ran outside " + workerPrefix + "*");
        }
        RenderedFrames.assertComplete(Path.of(job.path("outputDir").asText()), 1, 8, 160, 90);
    }
}
