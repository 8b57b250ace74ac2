package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.farm.process.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a farm operator scrapes: every process is ready, and Tessera's own meters are exported. */
@ExtendWith(E2eFarm.class)
class OperationsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyProcessIsReadyAndExportsTesserasMeters() throws Exception {
        JobsApi api = E2eFarm.api();
        String jobId = api.submit(JobsApi.demoJob("metrics", "cpu", 1, 2, 1, 64, 36)).json().path("jobId").asText();
        JsonNode job = api.awaitTerminal(jobId, Duration.ofMinutes(2));
        assertEquals("COMPLETED", job.path("state").asText());

        for (ServiceProcess process : E2eFarm.farm().processes()) {
            if (!process.isAlive()) {
                continue;
            }
            HttpResponse<String> ready = get(process.baseUrl().resolve("/q/health/ready"));
            assertEquals(200, ready.statusCode(), process.name() + ": " + ready.body());
            assertTrue(ready.body().contains("\"status\": \"UP\"") || ready.body().contains("\"status\":\"UP\""),
                    process.name() + ": " + ready.body());
        }
        Map<String, String[]> meters = Map.of(
                "submission", new String[] {"tessera_jobs_submitted_total"},
                "segmentation", new String[] {"tessera_tasks_planned_total"},
                "assignment", new String[] {"tessera_tasks_dispatched_total", "tessera_workers_live"},
                "monitoring", new String[] {"tessera_tasks{", "tessera_queue_depth", "tessera_task_duration_seconds",
                    "tessera_tasks_stalled_republished_total"},
                "provisioning", new String[] {"tessera_provisioned_workers"},
                "cpu-1", new String[] {"tessera_worker_tasks", "tessera_worker_busy_slots"});
        for (Map.Entry<String, String[]> service : meters.entrySet()) {
            String metrics = get(E2eFarm.farm().process(service.getKey()).baseUrl().resolve("/q/metrics")).body();
            for (String meter : service.getValue()) {
                assertTrue(metrics.contains(meter), service.getKey() + " does not export " + meter);
            }
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
