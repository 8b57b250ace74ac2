package io.tessera.submission.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.submission.TestJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The per-job error limit and blocklist threshold over REST and Kafka (defaults, validation as problem details and
 * dead letters, carried in JobSubmitted), and a task's failed and stalled attempts with their reasons, fed by
 * monitoring's TaskStatusChanged, against the real broker and database.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class FailurePolicyResourceTest {

    private static String submit(ObjectNode request) {
        return given().contentType(ContentType.JSON).body(request.toString())
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("jobId");
    }

    private static JobSubmitted awaitSubmitted(String jobId) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.JOBS,
                r -> ("job:" + jobId + ":submitted").equals(KafkaTestClient.header(r, "ce_id")), 1,
                Duration.ofSeconds(30));
        assertEquals(1, records.size());
        return Json.read(records.get(0).value(), JobSubmitted.class);
    }

    private static void monitoringSays(String jobId, TaskStatusChanged status) {
        KafkaTestClient.produce(EventEnvelope.of("task:" + status.taskId() + ":status:" + status.version(),
                "/tessera/monitoring", status).toRecord(Topics.JOB_STATUS, jobId));
    }

    private static TaskStatusChanged status(String jobId, String taskId, TaskState state, int attempt, String worker,
                                            String reason, long version) {
        return new TaskStatusChanged(taskId, jobId, 0, 1, 4, state, attempt, worker, reason, version,
                Instant.parse("2026-12-02T10:00:00Z").plusSeconds(version));
    }

    @Test
    void theFarmDefaultsApplyAndTravelInJobSubmitted() {
        String jobId = submit(TestJobs.valid("defaults", "acme"));
        given().when().get("/api/v1/jobs/" + jobId).then().statusCode(200)
                .body("errorLimit", equalTo(50))
                .body("blocklistThreshold", equalTo(3));
        JobSubmitted submitted = awaitSubmitted(jobId);
        assertEquals(50, submitted.errorLimit());
        assertEquals(3, submitted.blocklistThreshold());

        String custom = submit(TestJobs.valid("custom", "acme").put("errorLimit", 0).put("blocklistThreshold", 1));
        given().when().get("/api/v1/jobs/" + custom).then()
                .body("errorLimit", equalTo(0))
                .body("blocklistThreshold", equalTo(1));
        assertEquals(0, awaitSubmitted(custom).errorLimit());
        assertEquals(1, awaitSubmitted(custom).blocklistThreshold());
    }

    @Test
    void outOfRangeValuesAre400ProblemsNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(TestJobs.valid("bad", "acme").put("errorLimit", -1).put("blocklistThreshold", 1001).toString())
                .when().post("/api/v1/jobs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tessera.io/problems/invalid-job"))
                .body("errors", hasSize(2))
                .body("errors[0].field", equalTo("errorLimit"))
                .body("errors[0].rule", equalTo("must be an integer between 0 and 100000 (0: no limit), was -1"))
                .body("errors[1].field", equalTo("blocklistThreshold"))
                .body("errors[1].rule", equalTo("must be an integer between 0 and 1000 (0: no blocklisting), was 1001"));
        given().contentType(ContentType.JSON)
                .body(TestJobs.valid("bad", "acme").put("errorLimit", 100_001).toString())
                .when().post("/api/v1/jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("errorLimit"))
                .body("errors[0].rule", containsString("between 0 and 100000"));
        given().contentType(ContentType.JSON)
                .body(TestJobs.valid("bad", "acme").put("errorLimit", "many").toString())
                .when().post("/api/v1/jobs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("errorLimit"))
                .body("errors[0].rule", equalTo("must be an integer"));
    }

    @Test
    void aBadErrorLimitOnKafkaIsDeadLetteredWithTheReason() {
        String requestId = "limits-" + UUID.randomUUID();
        KafkaTestClient.produce(Topics.JOB_REQUESTS, requestId,
                TestJobs.valid("bad limit", "pipeline-studio").put("requestId", requestId).put("errorLimit", -5)
                        .toString());
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.JOB_REQUESTS),
                r -> r.value() != null && r.value().contains(requestId), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals("errorLimit: must be an integer between 0 and 100000 (0: no limit), was -5",
                KafkaTestClient.header(dead.get(0), "dead-letter-reason"));
    }

    @Test
    void aTaskListsItsFailedAndStalledAttemptsWithTheirReasons() throws InterruptedException {
        String jobId = submit(TestJobs.valid("failing", "acme"));
        String taskId = jobId + "-t00000";
        String logTail = "exit code 3: out of memory\n[render] allocating 64 GiB\n[render] killed";
        monitoringSays(jobId, status(jobId, taskId, TaskState.QUEUED, 1, null, null, 1));
        monitoringSays(jobId, status(jobId, taskId, TaskState.RUNNING, 1, "worker-a", null, 2));
        monitoringSays(jobId, status(jobId, taskId, TaskState.FAILED, 1, "worker-a", logTail, 3));
        monitoringSays(jobId, status(jobId, taskId, TaskState.QUEUED, 2, null, logTail, 4));
        monitoringSays(jobId, status(jobId, taskId, TaskState.RUNNING, 2, "worker-b", null, 5));
        monitoringSays(jobId, status(jobId, taskId, TaskState.STALLED, 2, "worker-b",
                "lease of worker worker-b expired", 6));
        monitoringSays(jobId, status(jobId, taskId, TaskState.QUEUED, 3, null, null, 7));
        // a redelivery adds nothing
        monitoringSays(jobId, status(jobId, taskId, TaskState.FAILED, 1, "worker-a", logTail, 3));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().when().get("/api/v1/jobs/" + jobId + "/tasks/" + taskId).then().extract()
                .path("attempt") == null || (int) given().when().get("/api/v1/jobs/" + jobId + "/tasks/" + taskId)
                .then().extract().path("attempt") != 3) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the task never reached attempt 3");
            }
            Thread.sleep(100);
        }
        given().when().get("/api/v1/jobs/" + jobId + "/tasks/" + taskId).then().statusCode(200)
                .body("taskId", equalTo(taskId))
                .body("state", equalTo("QUEUED"))
                .body("attempt", equalTo(3))
                .body("attempts", hasSize(2))
                .body("attempts[0].attempt", equalTo(1))
                .body("attempts[0].outcome", equalTo("FAILED"))
                .body("attempts[0].workerId", equalTo("worker-a"))
                .body("attempts[0].reason", equalTo(logTail))
                .body("attempts[0].endedAt", equalTo("2026-12-02T10:00:03Z"))
                .body("attempts[1].attempt", equalTo(2))
                .body("attempts[1].outcome", equalTo("STALLED"))
                .body("attempts[1].workerId", equalTo("worker-b"))
                .body("attempts[1].reason", equalTo("lease of worker worker-b expired"));
    }

    @Test
    void anUnknownJobOrTaskIs404() {
        given().when().get("/api/v1/jobs/no-such-job/tasks/t1").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tessera.io/problems/job-not-found"));
        String jobId = submit(TestJobs.valid("no tasks yet", "acme"));
        given().when().get("/api/v1/jobs/" + jobId + "/tasks/no-such-task").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tessera.io/problems/task-not-found"))
                .body("detail", equalTo("job '" + jobId + "' has no task with id 'no-such-task'"));
    }
}
