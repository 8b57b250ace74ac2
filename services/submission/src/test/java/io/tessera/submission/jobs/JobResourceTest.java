package io.tessera.submission.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.submission.TestDb;
import io.tessera.submission.TestJobs;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class JobResourceTest {

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/jobs").then();
    }

    private static String submit(ObjectNode job) {
        return post(job.toString()).statusCode(201).extract().path("jobId");
    }

    private static ConsumerRecord<String, String> awaitJobEvent(String ceId) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.JOBS,
                r -> ceId.equals(KafkaTestClient.header(r, "ce_id")), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "no record with ce_id " + ceId + " on " + Topics.JOBS);
        return records.get(0);
    }

    @Test
    void submitsAJobAndPublishesJobSubmittedThroughTheOutbox() {
        String requestId = "rest-" + UUID.randomUUID();
        ObjectNode job = TestJobs.valid("demo", "acme");
        job.put("requestId", requestId);
        job.put("output", "shots/./sh010");

        io.restassured.response.ExtractableResponse<io.restassured.response.Response> created = post(job.toString())
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("requestId", equalTo(requestId))
                .body("name", equalTo("demo"))
                .body("studio", equalTo("acme"))
                .body("state", equalTo("SUBMITTED"))
                .body("capability", equalTo("cpu"))
                .body("priority", equalTo(50))
                .body("frames.start", equalTo(1))
                .body("frames.end", equalTo(48))
                .body("chunkSize", equalTo(4))
                .body("outputDir", equalTo(RealInfrastructure.outputRoot().toAbsolutePath().normalize()
                        .resolve("shots/sh010").toString()))
                .body("progress.tasksTotal", equalTo(12))
                .body("progress.framesDone", equalTo(0))
                .body("progress.framesTotal", equalTo(48))
                .extract();
        String jobId = created.path("jobId");
        assertTrue(created.header("Location").endsWith("/api/v1/jobs/" + jobId), created.header("Location"));

        given().when().get("/api/v1/jobs/" + jobId).then()
                .statusCode(200)
                .body("jobId", equalTo(jobId))
                .body("state", equalTo("SUBMITTED"))
                .body("createdAt", startsWith("20"));

        ConsumerRecord<String, String> record = awaitJobEvent("job:" + jobId + ":submitted");
        assertEquals(jobId, record.key());
        assertEquals("io.tessera.JobSubmitted", KafkaTestClient.header(record, "ce_type"));
        assertEquals("/tessera/submission", KafkaTestClient.header(record, "ce_source"));
        JobSubmitted event = Json.read(record.value(), JobSubmitted.class);
        assertEquals(requestId, event.requestId());
        assertEquals(1, event.frameStart());
        assertEquals(48, event.frameEnd());
        assertEquals(4, event.chunkSize());
        assertEquals("cpu", event.requirements().capability().id());
        assertEquals(2, event.requirements().minCores());
        assertEquals(RealInfrastructure.outputRoot().toAbsolutePath().normalize().resolve("shots/sh010").toString(),
                event.outputDir());
        assertEquals(Json.MAPPER.valueToTree(job.get("scene")).toString(), event.scene());
    }

    @Test
    void theDefaultOutputDirectoryIsTheJobId() {
        String jobId = submit(TestJobs.valid("default-output", "acme"));
        given().when().get("/api/v1/jobs/" + jobId).then()
                .body("outputDir", equalTo(RealInfrastructure.outputRoot().toAbsolutePath().normalize()
                        .resolve(jobId).toString()))
                .body("requestId", equalTo(null));
    }

    @Test
    void aRepeatedRequestIdReturnsTheExistingJob() {
        String requestId = "dup-" + UUID.randomUUID();
        ObjectNode job = TestJobs.valid("dup", "acme").put("requestId", requestId);
        String first = submit(job);
        String second = post(job.toString()).statusCode(200).extract().path("jobId");
        assertEquals(first, second);
        assertEquals(1, TestDb.count("select count(*) from submission.job where request_id = ?", requestId));
        given().queryParam("requestId", requestId).when().get("/api/v1/jobs").then()
                .body("total", equalTo(1))
                .body("items[0].jobId", equalTo(first));
    }

    @Test
    void listsJobsNewestFirstWithFiltersAndPages() {
        String studio = "list-" + UUID.randomUUID().toString().substring(0, 8);
        String first = submit(TestJobs.valid("one", studio));
        String second = submit(TestJobs.valid("two", studio));
        String third = submit(TestJobs.valid("three", studio));

        given().queryParam("studio", studio).queryParam("size", 2).when().get("/api/v1/jobs").then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("items.jobId", equalTo(List.of(third, second)));
        given().queryParam("studio", studio).queryParam("size", 2).queryParam("page", 1).when().get("/api/v1/jobs")
                .then().body("items.jobId", equalTo(List.of(first)));
        given().queryParam("studio", studio).queryParam("state", "SUBMITTED").when().get("/api/v1/jobs").then()
                .body("total", equalTo(3))
                .body("size", equalTo(50));
        given().queryParam("studio", studio).queryParam("state", "RUNNING").when().get("/api/v1/jobs").then()
                .body("total", equalTo(0));
    }

    @Test
    void badListParametersAreProblems() {
        given().queryParam("state", "DANCING").when().get("/api/v1/jobs").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tessera.io/problems/invalid-query"))
                .body("errors.field", hasItem("state"));
        given().queryParam("size", 0).queryParam("page", "x").when().get("/api/v1/jobs").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("2 fields are invalid"))
                .body("errors.field", equalTo(List.of("page", "size")));
    }

    @Test
    void unknownJobsAreNotFound() {
        for (String path : List.of("/api/v1/jobs/nope", "/api/v1/jobs/nope/tasks")) {
            given().when().get(path).then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://tessera.io/problems/job-not-found"))
                    .body("status", equalTo(404));
        }
        given().when().post("/api/v1/jobs/nope/cancel").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void cancelsAJobOnceAndPublishesJobCancelled() {
        String jobId = submit(TestJobs.valid("to-cancel", "acme"));

        given().when().post("/api/v1/jobs/" + jobId + "/cancel").then()
                .statusCode(200)
                .body("state", equalTo("CANCELLED"))
                .body("reason", equalTo("cancelled by user"));
        given().when().get("/api/v1/jobs/" + jobId).then().body("state", equalTo("CANCELLED"));
        given().when().post("/api/v1/jobs/" + jobId + "/cancel").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tessera.io/problems/job-state-conflict"))
                .body("detail", containsString("CANCELLED"));

        ConsumerRecord<String, String> record = awaitJobEvent("job:" + jobId + ":cancelled");
        assertEquals(jobId, record.key());
        assertEquals("io.tessera.JobCancelled", KafkaTestClient.header(record, "ce_type"));
        JobCancelled event = Json.read(record.value(), JobCancelled.class);
        assertEquals("cancelled by user", event.reason());
    }

    @Test
    void servesMetricsAndOpenApi() {
        submit(TestJobs.valid("metered", "acme"));
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("tessera_jobs_submitted_total{capability=\"cpu\",channel=\"rest\"}"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("Tessera submission API"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
