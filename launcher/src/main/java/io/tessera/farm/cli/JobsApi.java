package io.tessera.farm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.renderer.scene.BundledScenes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The part of the submission service's REST API the CLI uses: submit a job, read a job. */
final class JobsApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI jobs;

    JobsApi(URI submissionUrl) {
        this.jobs = submissionUrl.resolve("/api/v1/jobs");
    }

    /** The bundled demo animation: 48 frames in chunks of 4 on CPU workers. */
    static ObjectNode demoJob() throws IOException {
        ObjectNode job = JSON.createObjectNode();
        job.put("name", "demo-animation");
        job.put("studio", "tessera-demo");
        job.set("scene", JSON.readTree(BundledScenes.demo()));
        job.putObject("frames").put("start", 1).put("end", 48);
        job.put("chunkSize", 4);
        job.put("priority", 50);
        job.putObject("requirements").put("capability", "cpu");
        return job;
    }

    /** POSTs the job and returns the created job (with its {@code jobId}). */
    JsonNode submit(ObjectNode job) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(jobs)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(job)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IOException("POST " + jobs + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** GETs the job's current state and progress. */
    JsonNode get(String jobId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(jobs + "/" + jobId))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET job " + jobId + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
