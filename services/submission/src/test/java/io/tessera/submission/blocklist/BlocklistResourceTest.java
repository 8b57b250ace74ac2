package io.tessera.submission.blocklist;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobBlocklistCleared;
import io.tessera.contracts.jobs.JobWorkerBlocklisted;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.submission.TestJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A job's worker blocklist over REST against the real broker and database: monitoring's JobWorkerBlocklisted fills
 * it, a studio's DELETE clears it (one worker or all) with a numbered JobBlocklistCleared on farm.jobs.v1, and
 * unknown jobs and workers are 404 problems.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class BlocklistResourceTest {

    private static final Instant SINCE = Instant.parse("2026-12-02T10:00:00Z");

    private static String submit() {
        return given().contentType(ContentType.JSON).body(TestJobs.valid("blocklisted", "acme").toString())
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("jobId");
    }

    private static void blocklisted(String jobId, String workerId, int times) {
        KafkaTestClient.produce(EventEnvelope.of("job:" + jobId + ":worker-blocklisted:" + workerId + ":" + times,
                "/tessera/monitoring", new JobWorkerBlocklisted(jobId, workerId, 3, "exit code 3: out of memory",
                        SINCE.plusSeconds(times))).toRecord(Topics.JOBS, jobId));
    }

    private static List<String> workers(String jobId) {
        return given().when().get("/api/v1/jobs/" + jobId + "/blocklist").then().statusCode(200).extract()
                .path("workerId");
    }

    private static void awaitWorkers(String jobId, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!workers(jobId).equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("blocklist of " + jobId + " is " + workers(jobId) + ", not " + expected);
            }
            Thread.sleep(100);
        }
    }

    private static JobBlocklistCleared awaitCleared(String jobId, long sequence) {
        String ceId = "job:" + jobId + ":blocklist-cleared:" + sequence;
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.JOBS,
                r -> ceId.equals(KafkaTestClient.header(r, "ce_id")), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "no " + ceId + " on " + Topics.JOBS);
        assertEquals(jobId, records.get(0).key());
        assertEquals("io.tessera.JobBlocklistCleared", KafkaTestClient.header(records.get(0), "ce_type"));
        return Json.read(records.get(0).value(), JobBlocklistCleared.class);
    }

    @Test
    void monitoringFillsTheBlocklistAndAStudioClearsOneWorkerOrAll() throws InterruptedException {
        String jobId = submit();
        given().when().get("/api/v1/jobs/" + jobId + "/blocklist").then().statusCode(200).body("$", hasSize(0));

        blocklisted(jobId, "worker-a", 1);
        blocklisted(jobId, "worker-b", 2);
        awaitWorkers(jobId, List.of("worker-a", "worker-b"));
        given().when().get("/api/v1/jobs/" + jobId + "/blocklist").then()
                .body("[0].failures", equalTo(3))
                .body("[0].reason", equalTo("exit code 3: out of memory"))
                .body("[0].since", equalTo("2026-12-02T10:00:01Z"));

        given().when().delete("/api/v1/jobs/" + jobId + "/blocklist/worker-a").then().statusCode(204);
        assertEquals(List.of("worker-b"), workers(jobId), "the view changes at once");
        JobBlocklistCleared one = awaitCleared(jobId, 1);
        assertEquals("worker-a", one.workerId());

        // worker-a's blocklisting read again (redelivery) does not bring it back
        blocklisted(jobId, "worker-a", 1);
        blocklisted(jobId, "worker-c", 3);
        awaitWorkers(jobId, List.of("worker-b", "worker-c"));

        given().when().delete("/api/v1/jobs/" + jobId + "/blocklist").then().statusCode(204);
        assertEquals(List.of(), workers(jobId));
        assertNull(awaitCleared(jobId, 2).workerId(), "the whole blocklist is cleared");
        given().when().delete("/api/v1/jobs/" + jobId + "/blocklist").then().statusCode(204);
        awaitCleared(jobId, 3);
    }

    @Test
    void unknownJobsAndWorkersAre404Problems() {
        given().when().get("/api/v1/jobs/no-such-job/blocklist").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tessera.io/problems/job-not-found"));
        given().when().delete("/api/v1/jobs/no-such-job/blocklist").then().statusCode(404)
                .contentType("application/problem+json");
        String jobId = submit();
        given().when().delete("/api/v1/jobs/" + jobId + "/blocklist/worker-z").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tessera.io/problems/worker-not-blocklisted"))
                .body("detail", equalTo("worker 'worker-z' is not on the blocklist of job '" + jobId + "'"));
    }
}
