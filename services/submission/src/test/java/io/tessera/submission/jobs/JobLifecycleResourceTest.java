package io.tessera.submission.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tessera.contracts.JobState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobResumed;
import io.tessera.contracts.jobs.JobRetryRequested;
import io.tessera.contracts.jobs.JobSuspended;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.Progress;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.submission.TestJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Suspend, resume and retry-failed over REST against the real broker and database: status codes and problem
 * bodies, the events on farm.jobs.v1 (one per command, numbered per job), and how monitoring's JobProgress then
 * moves the job.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class JobLifecycleResourceTest {

    private static String submit(String name) {
        return given().contentType(ContentType.JSON).body(TestJobs.valid(name, "acme").toString())
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("jobId");
    }

    private static ValidatableResponse command(String jobId, String command) {
        return given().when().post("/api/v1/jobs/" + jobId + "/" + command).then();
    }

    private static void conflict(String jobId, String command, JobState state) {
        command(jobId, command).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tessera.io/problems/job-state-conflict"))
                .body("status", equalTo(409))
                .body("state", equalTo(state.name()))
                .body("detail", containsString("is " + state.name()));
    }

    private static ConsumerRecord<String, String> awaitJobEvent(String ceId) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.JOBS,
                r -> ceId.equals(KafkaTestClient.header(r, "ce_id")), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "no record with ce_id " + ceId + " on " + Topics.JOBS);
        return records.get(0);
    }

    private static void monitoringSays(String jobId, JobState state, long version, int framesDone, long sequence) {
        JobProgress progress = new JobProgress(jobId, state, new Progress(12, Map.of("SUCCEEDED", framesDone / 4,
                "QUEUED", 12 - framesDone / 4), framesDone, 48), state == JobState.FAILED ? "task t3 failed" : null,
                version, Instant.now(), sequence);
        KafkaTestClient.produce(EventEnvelope.of("job:" + jobId + ":progress:" + version, "/tessera/monitoring",
                progress).toRecord(Topics.JOB_STATUS, jobId));
    }

    private static Object job(String jobId, String path) {
        return given().when().get("/api/v1/jobs/" + jobId).then().statusCode(200).extract().path(path);
    }

    private static void eventually(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @Test
    void unknownJobsAre404ForEveryCommand() {
        for (String command : List.of("suspend", "resume", "retry-failed")) {
            command("no-such-job", command).statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://tessera.io/problems/job-not-found"))
                    .body("detail", containsString("no-such-job"));
        }
    }

    @Test
    void suspendResumeSuspendAreThreeNumberedEventsAndTheViewShowsSuspended() {
        String jobId = submit("to-suspend");

        command(jobId, "suspend").statusCode(200)
                .body("state", equalTo("SUSPENDED"))
                .body("reason", equalTo("suspended by user"));
        given().when().get("/api/v1/jobs/" + jobId).then().body("state", equalTo("SUSPENDED"));
        given().when().get("/api/v1/jobs?state=suspended&studio=acme&size=200").then().statusCode(200)
                .body("items.jobId", hasItem(jobId));
        conflict(jobId, "suspend", JobState.SUSPENDED);
        conflict(jobId, "retry-failed", JobState.SUSPENDED);

        command(jobId, "resume").statusCode(200).body("state", equalTo("SUBMITTED")).body("reason", nullValue());
        conflict(jobId, "resume", JobState.SUBMITTED);
        command(jobId, "suspend").statusCode(200).body("state", equalTo("SUSPENDED"));

        ConsumerRecord<String, String> first = awaitJobEvent("job:" + jobId + ":suspended:1");
        assertEquals(jobId, first.key());
        assertEquals("io.tessera.JobSuspended", KafkaTestClient.header(first, "ce_type"));
        JobSuspended suspended = Json.read(first.value(), JobSuspended.class);
        assertEquals(1, suspended.sequence());
        assertEquals("suspended by user", suspended.reason());
        ConsumerRecord<String, String> resumed = awaitJobEvent("job:" + jobId + ":resumed:2");
        assertEquals("io.tessera.JobResumed", KafkaTestClient.header(resumed, "ce_type"));
        assertEquals(2, Json.read(resumed.value(), JobResumed.class).sequence());
        assertEquals(3, Json.read(awaitJobEvent("job:" + jobId + ":suspended:3").value(), JobSuspended.class)
                .sequence());

        command(jobId, "cancel").statusCode(200).body("state", equalTo("CANCELLED"));
        conflict(jobId, "resume", JobState.CANCELLED);
        conflict(jobId, "suspend", JobState.CANCELLED);
    }

    @Test
    void aJobThatCompletedBeforeMonitoringSawTheSuspendEndsCompleted() throws InterruptedException {
        String jobId = submit("suspended-late");
        monitoringSays(jobId, JobState.RUNNING, 1, 8, 0);
        eventually(() -> "RUNNING".equals(job(jobId, "state")), "RUNNING from monitoring");
        command(jobId, "suspend").statusCode(200).body("state", equalTo("SUSPENDED"));

        monitoringSays(jobId, JobState.COMPLETED, 2, 48, 0);
        eventually(() -> Integer.valueOf(48).equals(job(jobId, "progress.framesDone")), "progress v2");
        assertEquals("SUSPENDED", job(jobId, "state"), "a state published before the suspend was seen");

        monitoringSays(jobId, JobState.COMPLETED, 3, 48, 1);
        eventually(() -> "COMPLETED".equals(job(jobId, "state")), "monitoring's answer to the suspend");
        conflict(jobId, "resume", JobState.COMPLETED);
        conflict(jobId, "suspend", JobState.COMPLETED);
    }

    @Test
    void retryFailedRunsAFailedJobAgainAndAnOlderFailureDoesNotTakeItBack() throws InterruptedException {
        String jobId = submit("to-retry");
        conflict(jobId, "retry-failed", JobState.SUBMITTED);

        monitoringSays(jobId, JobState.FAILED, 1, 8, 0);
        eventually(() -> "FAILED".equals(job(jobId, "state")), "FAILED from monitoring");
        conflict(jobId, "suspend", JobState.FAILED);

        command(jobId, "retry-failed").statusCode(200)
                .body("state", equalTo("RUNNING"))
                .body("reason", nullValue());
        ConsumerRecord<String, String> record = awaitJobEvent("job:" + jobId + ":retry-requested:1");
        assertEquals("io.tessera.JobRetryRequested", KafkaTestClient.header(record, "ce_type"));
        assertEquals(jobId, Json.read(record.value(), JobRetryRequested.class).jobId());
        conflict(jobId, "retry-failed", JobState.RUNNING);

        monitoringSays(jobId, JobState.FAILED, 2, 12, 0);
        eventually(() -> Integer.valueOf(12).equals(job(jobId, "progress.framesDone")), "progress v2");
        assertEquals("RUNNING", job(jobId, "state"), "monitoring published that FAILED before it saw the retry");

        monitoringSays(jobId, JobState.RUNNING, 3, 12, 1);
        monitoringSays(jobId, JobState.COMPLETED, 4, 48, 1);
        eventually(() -> "COMPLETED".equals(job(jobId, "state")), "COMPLETED after the retry");
        assertEquals(null, job(jobId, "reason"));
    }
}
