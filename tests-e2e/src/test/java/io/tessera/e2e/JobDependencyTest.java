package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 3, job on job: the second job starts only when the first has succeeded. */
@ExtendWith(E2eFarm.class)
class JobDependencyTest {

    private static final Set<String> NOT_STARTED = Set.of("WAITING", "QUEUED", "PLANNED");

    @Test
    void aDependentJobStartsAfterItsDependencyCompleted() {
        JobsApi api = E2eFarm.api();
        String first = created(api.submit(JobsApi.demoJob("comp-plates", "cpu", 1, 12, 2, 640, 360)));
        ObjectNode dependent = JobsApi.demoJob("comp-final", "cpu", 1, 4, 1, 160, 90);
        dependent.withArray("dependsOn").add(first);
        String second = created(api.submit(dependent));

        boolean sawWaiting = false;
        for (int i = 0; i < 1200; i++) {
            JsonNode tasks = api.tasks(second);
            String firstState = api.job(first).path("state").asText();
            boolean started = false;
            for (JsonNode task : tasks) {
                started |= !NOT_STARTED.contains(task.path("state").asText());
                sawWaiting |= "WAITING".equals(task.path("state").asText());
            }
            if (started) {
                assertEquals("COMPLETED", firstState, "the dependent job started before its dependency completed");
                break;
            }
            JobsApi.sleep(100);
        }
        assertTrue(sawWaiting, "the dependent job's tasks never showed WAITING");
        JsonNode done = api.awaitTerminal(second, Duration.ofMinutes(3));
        assertEquals("COMPLETED", done.path("state").asText(), done.toString());
    }

    @Test
    void aJobCannotDependOnAnUnknownJob() {
        ObjectNode dependent = JobsApi.demoJob("orphan", "cpu", 1, 2, 1, 64, 36);
        dependent.withArray("dependsOn").add("no-such-job");
        JobsApi.Response response = E2eFarm.api().submit(dependent);
        assertEquals(400, response.status(), response.body());
        assertTrue(response.body().contains("dependsOn"), response.body());
    }

    private static String created(JobsApi.Response response) {
        assertEquals(201, response.status(), response.body());
        return response.json().path("jobId").asText();
    }
}
