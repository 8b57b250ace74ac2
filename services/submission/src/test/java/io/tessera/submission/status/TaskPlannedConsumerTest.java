package io.tessera.submission.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tessera.contracts.JobState;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.PartProgress;
import io.tessera.contracts.status.Progress;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.submission.TestDb;
import io.tessera.submission.TestJobs;
import io.tessera.submission.TestPolls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * TaskPlanned records fill the task list before the tasks run, a poll at a time, whichever of a task's TaskPlanned
 * and TaskStatusChanged comes first; JobProgress parts reach the job view.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class TaskPlannedConsumerTest {

    private static String submit() {
        return given().contentType(ContentType.JSON).body(TestJobs.valid("planned", "acme").toString())
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("jobId");
    }

    private static void publish(String topic, String ceId, String jobId, TesseraEvent event) {
        KafkaTestClient.produce(topic, jobId, ceId, event);
    }

    private static TaskPlanned tile(String jobId, int index, int x) {
        String taskId = String.format("%s-t%05d", jobId, index);
        return new TaskPlanned(taskId, jobId, index, 3, 24, 24, new Requirements(null, null, null), 50, "{}",
                "/out/" + jobId, TaskKind.RENDER, new PixelRegion(x, 0, 160, 180), List.of(), List.of(), List.of(),
                index, false);
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

    private static Object tasks(String jobId, String path) {
        return given().when().get("/api/v1/jobs/" + jobId + "/tasks").then().statusCode(200).extract().path(path);
    }

    @Test
    void plannedTasksShowTheirKindPartRegionAndDependenciesBeforeTheyRun() throws InterruptedException {
        String jobId = submit();
        TaskPlanned left = tile(jobId, 0, 0);
        TaskPlanned right = tile(jobId, 1, 160);
        TaskPlanned assembly = new TaskPlanned(jobId + "-t00002", jobId, 2, 3, 24, 24,
                new Requirements(null, null, null), 50, "{}", "/out/" + jobId, TaskKind.ASSEMBLE, null, List.of(),
                List.of(), List.of(left.taskId(), right.taskId()), 0, false);
        publish(Topics.TASKS_PLANNED, "task:" + assembly.taskId() + ":planned", jobId, assembly);
        publish(Topics.TASKS_PLANNED, "task:" + left.taskId() + ":planned", jobId, left);
        // the status of the right tile overtakes its TaskPlanned: the static information fills in later
        publish(Topics.JOB_STATUS, "task:" + right.taskId() + ":status:3", jobId, new TaskStatusChanged(
                right.taskId(), jobId, 1, 24, 24, TaskState.RUNNING, 1, "cpu-1", null, 3, Instant.now()));
        eventually(() -> "RUNNING".equals(tasks(jobId, "find { it.index == 1 }.state")), "right tile running");
        publish(Topics.TASKS_PLANNED, "task:" + right.taskId() + ":planned", jobId, right);
        eventually(() -> "tile".equals(tasks(jobId, "find { it.index == 1 }.part")), "right tile planned");

        given().when().get("/api/v1/jobs/" + jobId + "/tasks").then()
                .statusCode(200)
                .body("taskId", equalTo(List.of(left.taskId(), right.taskId(), assembly.taskId())))
                .body("[0].state", equalTo("PLANNED"))
                .body("[0].kind", equalTo("render"))
                .body("[0].part", equalTo("tile"))
                .body("[0].region.x", equalTo(0))
                .body("[0].region.width", equalTo(160))
                .body("[0].order", equalTo(0))
                .body("[0].frameStart", equalTo(24))
                .body("[0].attempt", equalTo(0))
                .body("[1].state", equalTo("RUNNING"))
                .body("[1].workerId", equalTo("cpu-1"))
                .body("[1].region.x", equalTo(160))
                .body("[2].kind", equalTo("assemble"))
                .body("[2].part", equalTo("assembly"))
                .body("[2].region", equalTo(null))
                .body("[2].dependsOn", equalTo(List.of(left.taskId(), right.taskId())));

        publish(Topics.JOB_STATUS, "task:" + left.taskId() + ":status:1", jobId, new TaskStatusChanged(
                left.taskId(), jobId, 0, 24, 24, TaskState.SUCCEEDED, 1, "cpu-2", null, 1, Instant.now()));
        eventually(() -> "SUCCEEDED".equals(tasks(jobId, "[0].state")), "left tile succeeded");
        given().when().get("/api/v1/jobs/" + jobId + "/tasks").then().body("[0].part", equalTo("tile"));
    }

    @Test
    void layersShowTheirPasses() throws InterruptedException {
        String jobId = submit();
        TaskPlanned pass = new TaskPlanned(jobId + "-t00000", jobId, 0, 2, 24, 24,
                new Requirements(null, null, null), 50, "{}", "/out/" + jobId, TaskKind.RENDER, null,
                List.of("diffuse"), List.of(), List.of(), 0, true);
        publish(Topics.TASKS_PLANNED, "task:" + pass.taskId() + ":planned", jobId, pass);
        eventually(() -> "pass".equals(tasks(jobId, "[0].part")), "pass task planned");
        given().when().get("/api/v1/jobs/" + jobId + "/tasks").then()
                .body("[0].passes", equalTo(List.of("diffuse")))
                .body("[0].kind", equalTo("render"));
    }

    @Test
    void jobProgressPartsReachTheJobView() throws InterruptedException {
        String jobId = submit();
        publish(Topics.JOB_STATUS, "job:" + jobId + ":progress:1", jobId, new JobProgress(jobId, JobState.RUNNING,
                new Progress(101, Map.of("SUCCEEDED", 37), 0, 1,
                        Map.of("tile", new PartProgress(37, 100), "assembly", new PartProgress(0, 1))),
                null, 1, Instant.now()));
        eventually(() -> "RUNNING".equals(given().when().get("/api/v1/jobs/" + jobId).then().extract()
                .path("state")), "progress applied");
        given().when().get("/api/v1/jobs/" + jobId).then()
                .body("progress.parts.tile.done", equalTo(37))
                .body("progress.parts.tile.total", equalTo(100))
                .body("progress.parts.assembly.total", equalTo(1));
    }

    private static TaskPlanned chunk(String jobId, int index, int taskCount, int start, int end, boolean more) {
        return new TaskPlanned(String.format("%s-t%05d", jobId, index), jobId, index, taskCount, start, end,
                new Requirements(null, null, null), 50, "{}", "/out/" + jobId, TaskKind.RENDER, null, List.of(),
                List.of(), List.of(), index, false, more);
    }

    private static ProducerRecord<String, String> planned(TaskPlanned task) {
        return EventEnvelope.of("task:" + task.taskId() + ":planned", KafkaTestClient.TEST_SOURCE, task)
                .toRecord(Topics.TASKS_PLANNED, task.jobId());
    }

    private static ProducerRecord<String, String> status(TaskPlanned task, TaskState state, int attempt, String worker,
                                                         long version) {
        return EventEnvelope.of("task:" + task.taskId() + ":status:" + version, "/tessera/monitoring",
                new TaskStatusChanged(task.taskId(), task.jobId(), task.index(), task.frameStart(), task.frameEnd(),
                        state, attempt, worker, state == TaskState.FAILED ? "exit code 2" : null, version,
                        Instant.now())).toRecord(Topics.JOB_STATUS, task.jobId());
    }

    private static long planColumn(String jobId, String column) {
        return TestDb.count("select " + column + " from submission.job where job_id = ?", jobId);
    }

    @Test
    void statusesBeforeTheirTaskPlannedAndARedeliveredPlanCountFramesOnce() throws InterruptedException {
        ObjectNode request = TestJobs.valid("auto", "acme");
        request.remove("chunkSize");
        request.putObject("autoChunk").put("targetSeconds", 2);
        String jobId = given().contentType(ContentType.JSON).body(request.toString())
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("jobId");
        TaskPlanned probe = chunk(jobId, 0, 1, 1, 1, true);
        TaskPlanned first = chunk(jobId, 1, 3, 2, 26, true);
        TaskPlanned second = chunk(jobId, 2, 3, 27, 30, true);
        TaskPlanned last = chunk(jobId, 3, 4, 31, 48, false);

        TestPolls.produceTogether(List.of(
                status(probe, TaskState.SUCCEEDED, 1, "cpu-1", 1),
                status(first, TaskState.RUNNING, 1, "cpu-1", 2),
                status(first, TaskState.FAILED, 1, "cpu-1", 3),
                status(first, TaskState.RUNNING, 2, "cpu-2", 4)));
        eventually(() -> List.of("SUCCEEDED", "RUNNING").equals(tasks(jobId, "state")), "statuses before the plan");
        given().when().get("/api/v1/jobs/" + jobId + "/tasks").then().body("kind", equalTo(Arrays.asList(null, null)));

        // the probe and the first wave, each task's TaskPlanned twice (a redelivery within the poll)
        List<ProducerRecord<String, String>> wave = List.of(planned(probe), planned(first), planned(probe),
                planned(second), planned(first));
        TestPolls.produceTogether(wave);
        eventually(() -> tasks(jobId, "taskId").equals(List.of(probe.taskId(), first.taskId(), second.taskId())),
                "the first wave");
        given().when().get("/api/v1/jobs/" + jobId + "/tasks").then()
                .body("state", equalTo(List.of("SUCCEEDED", "RUNNING", "PLANNED")))
                .body("kind", equalTo(List.of("render", "render", "render")))
                .body("part", equalTo(List.of("chunk", "chunk", "chunk")))
                .body("frameEnd", equalTo(List.of(1, 26, 30)))
                .body("attempt", equalTo(List.of(1, 2, 0)))
                .body("[1].workerId", equalTo("cpu-2"));
        given().when().get("/api/v1/jobs/" + jobId + "/tasks/" + first.taskId()).then()
                .body("attempts.reason", equalTo(List.of("exit code 2")));
        assertEquals(30, planColumn(jobId, "frames_planned"), "1 + 25 + 4 frames, each task once");
        assertEquals(3, planColumn(jobId, "tasks_planned"));
        assertEquals(25, planColumn(jobId, "wave_chunk_size"));
        given().when().get("/api/v1/jobs/" + jobId).then()
                .body("planComplete", equalTo(false))
                .body("progress.tasksTotal", equalTo(3 + 1));

        // the whole wave redelivered, then the last wave behind it on the same partition
        List<ProducerRecord<String, String>> again = new ArrayList<>(wave);
        again.add(planned(last));
        TestPolls.produceTogether(again);
        eventually(() -> Boolean.TRUE.equals(given().when().get("/api/v1/jobs/" + jobId).then().extract()
                .path("planComplete")), "the last wave");
        assertEquals(48, planColumn(jobId, "frames_planned"), "every frame once");
        assertEquals(4, planColumn(jobId, "tasks_planned"));
        given().when().get("/api/v1/jobs/" + jobId + "/tasks").then()
                .body("state", equalTo(List.of("SUCCEEDED", "RUNNING", "PLANNED", "PLANNED")));
    }

    @Test
    void deadLettersAnInvalidTaskPlanned() {
        String marker = "no-task-id-" + System.nanoTime();
        publish(Topics.TASKS_PLANNED, "task:" + marker + ":planned", marker, new TaskPlanned(null, marker, 0, 1, 1,
                1, null, 50, "{}", "/out"));
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.TASKS_PLANNED),
                r -> marker.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals("taskId: is required", KafkaTestClient.header(dead.get(0), "dead-letter-reason"));
    }
}
