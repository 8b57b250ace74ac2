package io.tessera.submission.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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
import io.tessera.submission.TestJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Monitoring's JobProgress and TaskStatusChanged events feed the job view and the task read model. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class JobStatusConsumerTest {

    private static String submit() {
        return given().contentType(ContentType.JSON).body(TestJobs.valid("watched", "acme").toString())
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("jobId");
    }

    private static void publish(String ceId, String jobId, TesseraEvent event) {
        KafkaTestClient.produce(EventEnvelope.of(ceId, "/tessera/monitoring", event)
                .toRecord(Topics.JOB_STATUS, jobId));
    }

    private static void progress(String jobId, JobState state, long version, int framesDone, String reason) {
        publish("job:" + jobId + ":progress:" + version, jobId, new JobProgress(jobId, state,
                new Progress(12, Map.of("RUNNING", 2, "SUCCEEDED", framesDone / 4, "QUEUED", 10 - framesDone / 4),
                        framesDone, 48), reason, version, Instant.now()));
    }

    private static void task(String jobId, int index, TaskState state, int attempt, String worker, long version) {
        String taskId = String.format("%s-t%05d", jobId, index);
        publish("task:" + taskId + ":status:" + version, jobId, new TaskStatusChanged(taskId, jobId, index,
                1 + index * 4, 4 + index * 4, state, attempt, worker, null, version, Instant.now()));
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

    private static Object tasks(String jobId, String path) {
        return given().when().get("/api/v1/jobs/" + jobId + "/tasks").then().statusCode(200).extract().path(path);
    }
}
