package io.tessera.submission.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tessera.contracts.JobState;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.Progress;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.submission.TestDb;
import io.tessera.submission.TestJobs;
import io.tessera.submission.TestPolls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Monitoring's JobProgress and TaskStatusChanged events feed the job view and the task read model, a poll at a time:
 * the records of a poll are applied together, an invalid one is dead-lettered on its own.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class JobStatusConsumerTest {

    private static String submit() {
        return given().contentType(ContentType.JSON).body(TestJobs.valid("watched", "acme").toString())
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("jobId");
    }

    private static void progress(String jobId, JobState state, long version, int framesDone, String reason) {
        KafkaTestClient.produce(progressRecord(jobId, state, version, framesDone, reason));
    }

    private static ProducerRecord<String, String> progressRecord(String jobId, JobState state, long version,
                                                                 int framesDone, String reason) {
        return record("job:" + jobId + ":progress:" + version, jobId, new JobProgress(jobId, state,
                new Progress(12, Map.of("RUNNING", 2, "SUCCEEDED", framesDone / 4, "QUEUED", 10 - framesDone / 4),
                        framesDone, 48), reason, version, Instant.now()));
    }

    private static void task(String jobId, int index, TaskState state, int attempt, String worker, long version) {
        KafkaTestClient.produce(taskRecord(jobId, index, state, attempt, worker, null, version));
    }

    private static ProducerRecord<String, String> taskRecord(String jobId, int index, TaskState state, int attempt,
                                                             String worker, String reason, long version) {
        String taskId = taskId(jobId, index);
        return record("task:" + taskId + ":status:" + version, jobId, new TaskStatusChanged(taskId, jobId, index,
                1 + index * 4, 4 + index * 4, state, attempt, worker, reason, version,
                Instant.parse("2026-12-02T10:00:00Z").plusSeconds(version)));
    }

    private static ProducerRecord<String, String> record(String ceId, String jobId, TesseraEvent event) {
        return EventEnvelope.of(ceId, "/tessera/monitoring", event).toRecord(Topics.JOB_STATUS, jobId);
    }

    private static String taskId(String jobId, int index) {
        return String.format("%s-t%05d", jobId, index);
    }

    private static void eventually(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static Object job(String jobId, String path) {
        return given().when().get("/api/v1/jobs/" + jobId).then().statusCode(200).extract().path(path);
    }

    @Test
    void jobProgressUpdatesTheJobAndOlderVersionsAreIgnored() throws InterruptedException {
        String jobId = submit();

        progress(jobId, JobState.RUNNING, 5, 8, null);
        eventually(() -> Integer.valueOf(8).equals(job(jobId, "progress.framesDone")), "progress v5");
        given().when().get("/api/v1/jobs/" + jobId).then()
                .body("state", equalTo("RUNNING"))
                .body("progress.tasksByState.RUNNING", equalTo(2))
                .body("progress.tasksByState.SUCCEEDED", equalTo(2));

        progress(jobId, JobState.SUBMITTED, 3, 0, null);
        progress(jobId, JobState.COMPLETED, 9, 48, "all tasks succeeded");
        eventually(() -> "COMPLETED".equals(job(jobId, "state")), "progress v9");
        given().when().get("/api/v1/jobs/" + jobId).then()
                .body("progress.framesDone", equalTo(48))
                .body("reason", equalTo("all tasks succeeded"));

        progress(jobId, JobState.RUNNING, 10, 40, null);
        String marker = submit();
        progress(marker, JobState.RUNNING, 1, 4, null);
        eventually(() -> "RUNNING".equals(job(marker, "state")), "marker job progress");
        given().when().get("/api/v1/jobs/" + jobId).then().body("state", equalTo("COMPLETED"));
    }

    @Test
    void aCancelledJobStaysCancelled() throws InterruptedException {
        String jobId = submit();
        given().when().post("/api/v1/jobs/" + jobId + "/cancel").then().statusCode(200);
        progress(jobId, JobState.RUNNING, 7, 12, null);
        eventually(() -> Integer.valueOf(12).equals(job(jobId, "progress.framesDone")), "progress on cancelled job");
        given().when().get("/api/v1/jobs/" + jobId).then()
                .body("state", equalTo("CANCELLED"))
                .body("reason", equalTo("cancelled by user"));
    }

    @Test
    void taskStatusFeedsTheTaskListInIndexOrder() throws InterruptedException {
        String jobId = submit();
        task(jobId, 1, TaskState.QUEUED, 1, null, 1);
        task(jobId, 0, TaskState.RUNNING, 1, "cpu-1", 2);
        task(jobId, 0, TaskState.SUCCEEDED, 1, "cpu-1", 4);
        task(jobId, 0, TaskState.RUNNING, 1, "cpu-1", 3);
        task(jobId, 1, TaskState.RUNNING, 2, "cpu-2", 5);
        eventually(() -> "RUNNING".equals(tasks(jobId, "[1].state")), "task 1 running");

        given().when().get("/api/v1/jobs/" + jobId + "/tasks").then()
                .statusCode(200)
                .body("taskId", equalTo(List.of(jobId + "-t00000", jobId + "-t00001")))
                .body("index", equalTo(List.of(0, 1)))
                .body("[0].state", equalTo("SUCCEEDED"))
                .body("[0].frameStart", equalTo(1))
                .body("[0].frameEnd", equalTo(4))
                .body("[0].workerId", equalTo("cpu-1"))
                .body("[1].attempt", equalTo(2))
                .body("[1].workerId", equalTo("cpu-2"));
    }

    /** A task that failed twice, then succeeded, and another that stalled once, with the job's progress. */
    private static List<ProducerRecord<String, String>> busyPoll(String jobId) {
        return List.of(
                taskRecord(jobId, 0, TaskState.RUNNING, 1, "cpu-1", null, 1),
                progressRecord(jobId, JobState.RUNNING, 1, 0, null),
                taskRecord(jobId, 0, TaskState.FAILED, 1, "cpu-1", "exit code 3", 2),
                taskRecord(jobId, 1, TaskState.RUNNING, 1, "cpu-2", null, 3),
                taskRecord(jobId, 0, TaskState.QUEUED, 2, null, null, 4),
                taskRecord(jobId, 0, TaskState.RUNNING, 2, "cpu-3", null, 5),
                taskRecord(jobId, 1, TaskState.STALLED, 1, "cpu-2", "lease of worker cpu-2 expired", 6),
                taskRecord(jobId, 0, TaskState.FAILED, 2, "cpu-3", "out of memory", 7),
                progressRecord(jobId, JobState.RUNNING, 2, 4, null),
                taskRecord(jobId, 0, TaskState.QUEUED, 3, null, null, 8),
                taskRecord(jobId, 1, TaskState.QUEUED, 2, null, null, 9),
                taskRecord(jobId, 0, TaskState.RUNNING, 3, "cpu-1", null, 10),
                taskRecord(jobId, 0, TaskState.SUCCEEDED, 3, "cpu-1", null, 11),
                progressRecord(jobId, JobState.RUNNING, 3, 8, null));
    }

    private static void assertBusyPollApplied(String jobId) {
        given().when().get("/api/v1/jobs/" + jobId + "/tasks").then()
                .statusCode(200)
                .body("[0].taskId", equalTo(taskId(jobId, 0)))
                .body("[0].state", equalTo("SUCCEEDED"))
                .body("[0].attempt", equalTo(3))
                .body("[0].workerId", equalTo("cpu-1"))
                .body("[1].taskId", equalTo(taskId(jobId, 1)))
                .body("[1].state", equalTo("QUEUED"))
                .body("[1].attempt", equalTo(2))
                .body("[0].updatedAt", equalTo("2026-12-02T10:00:11Z"));
        given().when().get("/api/v1/jobs/" + jobId + "/tasks/" + taskId(jobId, 0)).then()
                .statusCode(200)
                .body("attempts.attempt", equalTo(List.of(1, 2)))
                .body("attempts.outcome", equalTo(List.of("FAILED", "FAILED")))
                .body("attempts.workerId", equalTo(List.of("cpu-1", "cpu-3")))
                .body("attempts.reason", equalTo(List.of("exit code 3", "out of memory")));
        given().when().get("/api/v1/jobs/" + jobId + "/tasks/" + taskId(jobId, 1)).then()
                .statusCode(200)
                .body("attempts.outcome", equalTo(List.of("STALLED")))
                .body("attempts[0].reason", equalTo("lease of worker cpu-2 expired"));
        given().when().get("/api/v1/jobs/" + jobId).then()
                .body("state", equalTo("RUNNING"))
                .body("progress.framesDone", equalTo(8));
        assertEquals(3, TestDb.count("select count(*) from submission.job_task_attempt where job_id = ?", jobId));
    }

    @Test
    void aPollWithSeveralVersionsOfATaskAppliesTheNewestAndKeepsEveryFailedAttempt() throws InterruptedException {
        String jobId = submit();
        TestPolls.produceTogether(busyPoll(jobId));
        eventually(() -> Integer.valueOf(8).equals(job(jobId, "progress.framesDone")), "the poll applied");
        assertBusyPollApplied(jobId);
    }

    @Test
    void aRedeliveredPollChangesNothing() throws InterruptedException {
        String jobId = submit();
        TestPolls.produceTogether(busyPoll(jobId));
        eventually(() -> Integer.valueOf(8).equals(job(jobId, "progress.framesDone")), "the poll applied");
        Object updatedAt = job(jobId, "updatedAt");

        List<ProducerRecord<String, String>> again = new ArrayList<>(busyPoll(jobId));
        // the older statuses of a poll that came before: versions already applied
        again.add(taskRecord(jobId, 1, TaskState.FAILED, 1, "cpu-2", "a late duplicate", 6));
        again.add(taskRecord(jobId, 2, TaskState.QUEUED, 1, null, null, 12)); // the marker, behind the redelivery
        TestPolls.produceTogether(again);
        eventually(() -> tasks(jobId, "taskId").equals(List.of(taskId(jobId, 0), taskId(jobId, 1),
                taskId(jobId, 2))), "the marker task");

        assertBusyPollApplied(jobId);
        assertEquals(updatedAt, job(jobId, "updatedAt"), "the job was not written again");
    }

    @Test
    void anInvalidRecordInThePollIsDeadLetteredWithItsReasonAndTheOthersAreApplied() throws InterruptedException {
        String jobId = submit();
        ProducerRecord<String, String> noTaskId = record("task:none:status:2", jobId, new TaskStatusChanged(null,
                jobId, 1, 5, 8, TaskState.RUNNING, 1, "cpu-1", null, 2, Instant.now()));
        ProducerRecord<String, String> notAnEvent = new ProducerRecord<>(Topics.JOB_STATUS, jobId, "{\"jobId\":1}");
        TestPolls.produceTogether(List.of(
                taskRecord(jobId, 0, TaskState.RUNNING, 1, "cpu-1", null, 1),
                noTaskId,
                progressRecord(jobId, JobState.RUNNING, 1, 4, null),
                notAnEvent,
                taskRecord(jobId, 2, TaskState.FAILED, 1, "cpu-2", "exit code 1", 3)));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.JOB_STATUS),
                r -> jobId.equals(r.key()), 2, Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(List.of("taskId: is required", "ce_id: header is required (CloudEvents binary mode)"),
                dead.stream().map(r -> KafkaTestClient.header(r, "dead-letter-reason")).toList());
        assertEquals(List.of(noTaskId.value(), notAnEvent.value()), dead.stream().map(ConsumerRecord::value).toList());
        assertEquals(Topics.JOB_STATUS, KafkaTestClient.header(dead.get(0), "dead-letter-topic"));

        eventually(() -> Integer.valueOf(4).equals(job(jobId, "progress.framesDone")), "the valid progress");
        eventually(() -> List.of("RUNNING", "FAILED").equals(tasks(jobId, "state")), "the valid statuses");
        given().when().get("/api/v1/jobs/" + jobId + "/tasks/" + taskId(jobId, 2)).then()
                .body("attempts.reason", equalTo(List.of("exit code 1")));
    }

    private static Object tasks(String jobId, String path) {
        return given().when().get("/api/v1/jobs/" + jobId + "/tasks").then().statusCode(200).extract().path(path);
    }
}
