package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Suspending a running job holds every task that is not running yet while the running ones finish (a suspend does
 * not stop renders in progress); resuming it renders the rest, every frame once. Retry-failed is covered by the
 * component tests of submission and monitoring: the demo scene renders every frame it accepts, so no honest job
 * fails here on purpose.
 */
@ExtendWith(E2eFarm.class)
class SuspendResumeTest {

    private static final int FRAMES = 48;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final Set<String> IN_FLIGHT = Set.of("RUNNING", "STALLED");

    @Test
    void aSuspendedJobStartsNothingNewAndCompletesOnceResumed() {
        JobsApi api = E2eFarm.api();
        String jobId = api.submit(JobsApi.demoJob("to-suspend", "cpu", 1, FRAMES, 2, WIDTH, HEIGHT)).json()
                .path("jobId").asText();
        api.awaitJob(jobId, job -> job.path("progress").path("framesDone").asInt() >= 2, Duration.ofMinutes(2),
                "its first task");

        JsonNode suspended = post(jobId, "suspend");
        assertEquals(200, suspended.path("status").asInt(), suspended.toString());
        assertEquals("SUSPENDED", suspended.path("body").path("state").asText());
        JsonNode again = post(jobId, "suspend");
        assertEquals(409, again.path("status").asInt(), "suspending twice is a conflict");
        assertEquals("SUSPENDED", again.path("body").path("state").asText(), again.toString());

        // what was running (or already handed to a worker) finishes; then nothing moves any more
        JsonNode settled = awaitNothingInFlight(api, jobId);
        Path output = Path.of(api.job(jobId).path("outputDir").asText());
        long frames = RenderedFrames.pngCount(output);
        JobsApi.sleep(E2eFarm.LEASE_TIMEOUT.toMillis() + 2000);
        JsonNode later = api.tasks(jobId);
        assertEquals(frames, RenderedFrames.pngCount(output), "frames were committed while the job was suspended");
        assertEquals(succeeded(settled), succeeded(later), "tasks finished while the job was suspended");
        assertTrue(later.findValuesAsText("state").stream().noneMatch(IN_FLIGHT::contains),
                "a task started while the job was suspended: " + later);
        assertTrue(frames < FRAMES, "the whole job rendered before the suspend took effect; frames: " + frames);
        assertEquals("SUSPENDED", api.job(jobId).path("state").asText());
        System.out.printf("SuspendResumeTest: %d of %d frames rendered when suspended, still %d after %d ms%n",
                frames, FRAMES, RenderedFrames.pngCount(output), E2eFarm.LEASE_TIMEOUT.toMillis() + 2000);

        JsonNode resumed = post(jobId, "resume");
        assertEquals(200, resumed.path("status").asInt(), resumed.toString());
        assertTrue(Set.of("RUNNING", "SUBMITTED").contains(resumed.path("body").path("state").asText()),
                resumed.toString());

        JsonNode done = api.awaitTerminal(jobId, Duration.ofMinutes(3));
        assertEquals("COMPLETED", done.path("state").asText(), done.toString());
        assertEquals(FRAMES, done.path("progress").path("framesDone").asInt());
        RenderedFrames.assertComplete(output, 1, FRAMES, WIDTH, HEIGHT);
        for (JsonNode task : api.tasks(jobId)) {
            assertEquals("SUCCEEDED", task.path("state").asText(), task.toString());
        }
        assertEquals(409, post(jobId, "resume").path("status").asInt(), "a completed job cannot be resumed");
    }

    private static long succeeded(JsonNode tasks) {
        return tasks.findValuesAsText("state").stream().filter("SUCCEEDED"::equals).count();
    }

    /**
     * Waits until no task of the job is in flight and none has finished for three seconds in a row: a task handed to a
     * worker just before the suspend (or queued at a worker beyond its free slots by assignment's local queues) may
     * still be on its way to RUNNING when the first look finds nothing running.
     */
    private static JsonNode awaitNothingInFlight(JobsApi api, String jobId) {
        JsonNode tasks = null;
        long lastSucceeded = -1;
        int quiet = 0;
        for (int i = 0; i < 240; i++) {
            tasks = api.tasks(jobId);
            long succeeded = succeeded(tasks);
            boolean idle = tasks.findValuesAsText("state").stream().noneMatch(IN_FLIGHT::contains);
            quiet = idle && succeeded == lastSucceeded ? quiet + 1 : 0;
            lastSucceeded = succeeded;
            if (quiet >= 12) {
                return tasks;
            }
            JobsApi.sleep(250);
        }
        throw new AssertionError("tasks still running a minute after the suspend: " + tasks);
    }

    /** POST /api/v1/jobs/{id}/{command}: {"status": ..., "body": ...}. */
    private static JsonNode post(String jobId, String command) {
        URI uri = E2eFarm.farm().submissionUrl().resolve("/api/v1/jobs/" + jobId + "/" + command);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JobsApi.JSON.createObjectNode().put("status", response.statusCode())
                    .set("body", JobsApi.read(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
