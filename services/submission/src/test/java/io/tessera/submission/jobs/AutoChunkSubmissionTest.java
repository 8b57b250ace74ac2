package io.tessera.submission.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tessera.contracts.JobState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.AutoChunk;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.PartProgress;
import io.tessera.contracts.status.Progress;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.submission.TestDb;
import io.tessera.submission.TestJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code autoChunk} over REST and Kafka on a real broker and database: accepted with its target, published with it,
 * rejected with problem details naming the field, and a job view that never claims completion before segmentation
 * planned the last wave.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class AutoChunkSubmissionTest {

    private static String studio() {
        return "ac-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Frames 1..48 of the demo scene, chunks sized for {@code targetSeconds}. */
    private static ObjectNode autoJob(String studio, int targetSeconds) {
        ObjectNode job = TestJobs.valid("auto", studio);
        job.remove("chunkSize");
        job.putObject("autoChunk").put("targetSeconds", targetSeconds);
        return job;
    }

    private static ValidatableResponse post(ObjectNode job) {
        return given().contentType(ContentType.JSON).body(job.toString()).when().post("/api/v1/jobs").then();
    }

    private static JobSubmitted awaitSubmitted(String jobId) {
        String ceId = "job:" + jobId + ":submitted";
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.JOBS,
                r -> ceId.equals(KafkaTestClient.header(r, "ce_id")), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "no " + ceId + " on " + Topics.JOBS);
        return Json.read(records.get(0).value(), JobSubmitted.class);
    }

    private static TaskPlanned chunk(String jobId, int index, int taskCount, int start, int end, boolean more) {
        return new TaskPlanned(String.format("%s-t%05d", jobId, index), jobId, index, taskCount, start, end,
                new Requirements(null, null, null), 50, "{}", "/out/" + jobId, TaskKind.RENDER, null, List.of(),
                List.of(), List.of(), index, false, more);
    }

    private static void plan(TaskPlanned task) {
        KafkaTestClient.produce(Topics.TASKS_PLANNED, task.jobId(), "task:" + task.taskId() + ":planned", task);
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
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @Test
    void anAutoChunkJobIsAcceptedAndPublishedWithItsTarget() {
        String jobId = post(autoJob(studio(), 5)).statusCode(201)
                .body("chunking", equalTo("auto"))
                .body("targetSeconds", equalTo(5))
                .body("planComplete", equalTo(false))
                .body("chunkSize", equalTo(1))
                .body("progress.tasksTotal", equalTo(48))
                .extract().path("jobId");
        JobSubmitted event = awaitSubmitted(jobId);
        assertEquals(new AutoChunk(5), event.autoChunk());
        assertEquals(1, event.chunkSize(), "the probe's size");

        String fixed = post(TestJobs.valid("fixed", studio())).statusCode(201)
                .body("chunking", equalTo("fixed"))
                .body("targetSeconds", equalTo(null))
                .body("planComplete", equalTo(true))
                .body("progress.tasksTotal", equalTo(12))
                .extract().path("jobId");
        assertEquals(null, awaitSubmitted(fixed).autoChunk());
    }

    @Test
    void theViewEstimatesTasksUntilTheLastWaveAndListsEveryChunkSize() throws InterruptedException {
        String jobId = post(autoJob(studio(), 2)).statusCode(201).extract().path("jobId");
        plan(chunk(jobId, 0, 1, 1, 1, true));
        eventually(() -> tasksListed(jobId) == 1, "the probe in the task list");
        // monitoring: the probe succeeded, 1 of the 1 task planned so far
        KafkaTestClient.produce(Topics.JOB_STATUS, jobId, "job:" + jobId + ":progress:5", new JobProgress(jobId,
                JobState.RUNNING, new Progress(1, Map.of("SUCCEEDED", 1), 1, 48,
                        Map.of("chunk", new PartProgress(1, 1))), null, 5, Instant.now()));
        eventually(() -> Integer.valueOf(1).equals(job(jobId, "progress.framesDone")), "monitoring's progress");
        assertEquals(48, job(jobId, "progress.tasksTotal"), "1 planned + 47 unplanned frames, no chunk size yet");
        assertEquals(false, job(jobId, "planComplete"));

        plan(chunk(jobId, 1, 3, 2, 26, true));
        plan(chunk(jobId, 2, 3, 27, 30, true)); // a wave of chunks of 25 (the last one shorter)
        eventually(() -> tasksListed(jobId) == 3, "the first wave");
        assertEquals(3 + 1, job(jobId, "progress.tasksTotal"), "3 planned + 18 frames in chunks of 25");
        assertEquals(false, job(jobId, "planComplete"));

        plan(chunk(jobId, 3, 4, 31, 48, false));
        eventually(() -> Boolean.TRUE.equals(job(jobId, "planComplete")), "the last wave");
        List<Integer> starts = given().when().get("/api/v1/jobs/" + jobId + "/tasks").then().statusCode(200)
                .extract().path("frameStart");
        List<Integer> ends = given().when().get("/api/v1/jobs/" + jobId + "/tasks").then().statusCode(200)
                .extract().path("frameEnd");
        assertEquals(List.of(1, 2, 27, 31), starts);
        assertEquals(List.of(1, 26, 30, 48), ends, "the probe and the chosen chunk sizes");
        // redelivered TaskPlanned change nothing
        assertEquals(4, job(jobId, "progress.tasksTotal"), "every task planned; monitoring has not caught up yet");
        plan(chunk(jobId, 1, 3, 2, 26, true));
        plan(chunk(jobId, 3, 4, 31, 48, false));
        String marker = post(autoJob(studio(), 2)).statusCode(201).extract().path("jobId");
        KafkaTestClient.produce(Topics.TASKS_PLANNED, jobId, "task:" + marker + "-t00000:planned",
                chunk(marker, 0, 1, 1, 1, true)); // behind the redeliveries on the same partition
        eventually(() -> tasksListed(marker) == 1, "the marker behind the redeliveries");
        assertEquals(true, job(jobId, "planComplete"));
        assertEquals(4, job(jobId, "progress.tasksTotal"));
        assertEquals(4, tasksListed(jobId));
    }

    private static int tasksListed(String jobId) {
        List<?> tasks = given().when().get("/api/v1/jobs/" + jobId + "/tasks").then().statusCode(200).extract()
                .path("$");
        return tasks.size();
    }

    @Test
    void badAutoChunkRequestsAreRejectedNamingTheFieldAndPersistNothing() {
        String studio = studio();
        assertRejected(autoJob(studio, 0), studio, "autoChunk.targetSeconds", "must be between 1 and 86400");
        assertRejected(autoJob(studio, 86_401), studio, "autoChunk.targetSeconds", "must be between 1 and 86400");
        ObjectNode missing = autoJob(studio, 1);
        ((ObjectNode) missing.get("autoChunk")).remove("targetSeconds");
        assertRejected(missing, studio, "autoChunk.targetSeconds", "is required");
        ObjectNode text = autoJob(studio, 1);
        ((ObjectNode) text.get("autoChunk")).put("targetSeconds", "ten");
        assertRejected(text, studio, "autoChunk.targetSeconds", "must be an integer");
        assertRejected(autoJob(studio, 30).put("chunkSize", 4), studio, "chunkSize",
                "must not be given with autoChunk");
        ObjectNode layers = autoJob(studio, 30).put("strategy", "layers");
        layers.putArray("passes").add("beauty");
        assertRejected(layers, studio, "autoChunk", "is only allowed with strategy frames, not layers");
    }

    @Test
    void aKafkaRequestWithAutoChunkRunsTheSameWayAndABadOneIsDeadLettered() throws InterruptedException {
        String studio = studio();
        String requestId = "auto-" + UUID.randomUUID();
        KafkaTestClient.produce(Topics.JOB_REQUESTS, requestId, autoJob(studio, 7).put("requestId", requestId)
                .toString());
        String badId = "auto-bad-" + UUID.randomUUID();
        KafkaTestClient.produce(Topics.JOB_REQUESTS, badId, autoJob(studio, 7).put("requestId", badId)
                .put("chunkSize", 2).toString());

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.JOB_REQUESTS),
                r -> r.value() != null && r.value().contains(badId), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals("chunkSize: must not be given with autoChunk: segmentation sizes the chunks from measured "
                + "frame times", KafkaTestClient.header(dead.get(0), "dead-letter-reason"));

        String[] jobId = new String[1];
        eventually(() -> {
            List<String> ids = given().queryParam("requestId", requestId).when().get("/api/v1/jobs").then()
                    .statusCode(200).extract().path("items.jobId");
            jobId[0] = ids.isEmpty() ? null : ids.get(0);
            return jobId[0] != null;
        }, "the job of " + requestId);
        assertEquals("auto", job(jobId[0], "chunking"));
        assertEquals(new AutoChunk(7), awaitSubmitted(jobId[0]).autoChunk());
        assertEquals(0, TestDb.count("select count(*) from submission.job where request_id = ?", badId));
    }

    private static void assertRejected(ObjectNode job, String studio, String field, String rule) {
        List<Map<String, String>> errors = post(job).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tessera.io/problems/invalid-job"))
                .extract().path("errors");
        assertTrue(errors.stream().anyMatch(e -> e.get("field").equals(field) && e.get("rule").contains(rule)),
                "expected " + field + " / " + rule + " in " + errors);
        assertEquals(0, TestDb.count("select count(*) from submission.job where studio = ?", studio));
    }
}
