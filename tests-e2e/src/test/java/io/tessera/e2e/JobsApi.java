package io.tessera.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.renderer.scene.BundledScenes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;

/** A studio's view of the farm: the REST gateway, spoken in plain HTTP and JSON. */
public final class JobsApi {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public JobsApi(URI base) {
        this.base = base;
    }

    /** A job request for the bundled demo scene, resized and limited to the given frames. */
    public static ObjectNode demoJob(String name, String capability, int firstFrame, int lastFrame, int chunk,
                                     int width, int height) {
        ObjectNode job = JSON.createObjectNode();
        job.put("name", name);
        job.put("studio", "e2e-studio");
        ObjectNode scene = (ObjectNode) read(BundledScenes.demo());
        scene.put("width", width);
        scene.put("height", height);
        job.set("scene", scene);
        job.putObject("frames").put("start", firstFrame).put("end", lastFrame);
        job.put("chunkSize", chunk);
        job.put("priority", 50);
        job.putObject("requirements").put("capability", capability);
        return job;
    }

    /** POST /api/v1/jobs. */
    public Response submit(JsonNode job) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(job.toString())));
    }

    /** POST /api/v1/jobs with a raw body. */
    public Response submitRaw(String body) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POST /api/v1/jobs with raw bytes of the given content type. */
    public Response submitBytes(String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/jobs"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** GET any path of the gateway. */
    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** GET /api/v1/jobs/{id}. */
    public JsonNode job(String jobId) {
        return get("/api/v1/jobs/" + jobId).json();
    }

    /** GET /api/v1/jobs/{id}/tasks. */
    public JsonNode tasks(String jobId) {
        return get("/api/v1/jobs/" + jobId + "/tasks").json();
    }

    /** POST /api/v1/jobs/{id}/cancel. */
    public Response cancel(String jobId) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/jobs/" + jobId + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POST /api/v1/jobs/{id}/retry-failed. */
    public Response retryFailed(String jobId) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/jobs/" + jobId + "/retry-failed"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Polls the job list until a job of {@code requestId} appears (a Kafka request is asynchronous); its id. */
    public String awaitRequest(String requestId) {
        for (int i = 0; i < 120; i++) {
            JsonNode page = get("/api/v1/jobs?requestId=" + requestId).json();
            if (page.path("items").size() > 0) {
                return page.path("items").get(0).path("jobId").asText();
            }
            sleep(250);
        }
        throw new AssertionError("no job appeared for request " + requestId);
    }

    /** Polls the job until it reaches a terminal state; fails after {@code timeout}. */
    public JsonNode awaitTerminal(String jobId, Duration timeout) {
        return awaitJob(jobId, job -> TERMINAL.contains(job.path("state").asText()), timeout, "a terminal state");
    }

    /** Polls the job until {@code condition} holds; fails after {@code timeout}. */
    public JsonNode awaitJob(String jobId, Predicate<JsonNode> condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode job = null;
        while (Instant.now().isBefore(deadline)) {
            Response response = get("/api/v1/jobs/" + jobId);
            if (response.status() == 200) {
                job = response.json();
                if (condition.test(job)) {
                    return job;
                }
            }
            sleep(250);
        }
        throw new AssertionError("job " + jobId + " did not reach " + what + " within " + timeout + "; last seen: "
                + job + "; tasks: " + get("/api/v1/jobs/" + jobId + "/tasks").body());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer. */
    public record Response(int status, String contentType, String location, String body) {
        public JsonNode json() {
            return read(body);
        }
    }
}
