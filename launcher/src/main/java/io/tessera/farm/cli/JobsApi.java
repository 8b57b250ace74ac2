package io.tessera.farm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
