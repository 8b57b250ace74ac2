package io.tessera.worker.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskOutput;
import io.tessera.contracts.tasks.TaskProgress;
import io.tessera.contracts.workers.GpuInfo;
import io.tessera.contracts.workers.WorkerHeartbeat;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.worker.cancel.CancelledJobs;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** The worker as a GPU worker (simulated GPU) against a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class GpuWorkerTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SMALL_SCENE = TestTasks.demoScene(64, 36);

    @Inject
    CancelledJobs cancelledJobs;

    @Test
    void rendersEveryFrameToStagingAndReportsStartProgressAndCompletion() throws Exception {
        String jobId = TestTasks.newJobId();
        TaskDispatched dispatched = TestTasks.task(jobId, 0, 1, 3, SMALL_SCENE, 2);
        String taskId = dispatched.task().taskId();
        TestTasks.dispatch(dispatched, taskId);

        List<ConsumerRecord<String, String>> events = finalEventOf(taskId);
        assertEquals(List.of("io.tessera.TaskStarted", "io.tessera.TaskProgress", "io.tessera.TaskProgress",
                "io.tessera.TaskProgress", "io.tessera.TaskCompleted"), types(events));
        String prefix = "task:" + taskId + ":2:gpu-test:";
        assertEquals(List.of(prefix + "started", prefix + "progress:1", prefix + "progress:2", prefix + "progress:3",
                prefix + "completed"), events.stream().map(r -> KafkaTestClient.header(r, "ce_id")).toList());
        for (ConsumerRecord<String, String> record : events) {
            assertEquals(jobId, record.key());
            assertEquals("/tessera/worker", KafkaTestClient.header(record, "ce_source"));
            assertEquals(taskId, KafkaTestClient.header(record, "ce_subject"));
            assertEquals("1.0", KafkaTestClient.header(record, "ce_specversion"));
        }
        TaskProgress last = Json.read(events.get(3).value(), TaskProgress.class);
        assertEquals(3, last.framesDone());
        assertEquals(3, last.framesTotal());

        TaskCompleted completed = Json.read(events.get(4).value(), TaskCompleted.class);
        assertEquals(2, completed.attempt());
        assertEquals("gpu-test", completed.workerId());
        assertEquals(List.of(1, 2, 3), completed.outputs().stream().map(TaskOutput::frame).toList());
        Path outputDir = RealInfrastructure.outputRoot().resolve(jobId);
        byte[][] pixels = new byte[3][];
        for (TaskOutput output : completed.outputs()) {
            String name = String.format("frame_%04d.png", output.frame());
            assertEquals(outputDir.resolve(".staging").resolve(taskId).resolve("attempt-2-gpu-test").resolve(name).toString(),
                    output.stagedPath());
            assertEquals(outputDir.resolve(name).toString(), output.finalPath());
            assertFalse(Files.exists(Path.of(output.finalPath())), "the worker never writes the final name");
            BufferedImage image = ImageIO.read(new File(output.stagedPath()));
            assertNotNull(image, output.stagedPath() + " decodes as an image");
            assertEquals(64, image.getWidth());
            assertEquals(36, image.getHeight());
            pixels[output.frame() - 1] = rgb(image);
        }
        assertFalse(java.util.Arrays.equals(pixels[0], pixels[1]), "frames 1 and 2 differ");
        assertFalse(java.util.Arrays.equals(pixels[1], pixels[2]), "frames 2 and 3 differ");
        assertFalse(java.util.Arrays.equals(pixels[0], pixels[2]), "frames 1 and 3 differ");

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("tessera_worker_tasks_total{outcome=\"completed\"}"))
                .body(containsString("tessera_worker_frame_render_seconds_count"))
                .body(containsString("tessera_worker_busy_slots"));
    }

    @Test
    void heartbeatsStateTheSimulatedGpu() {
        List<ConsumerRecord<String, String>> beats = KafkaTestClient.readUntil(Topics.WORKERS,
                r -> "gpu-test".equals(r.key()), found -> !found.isEmpty(), WAIT);
        ConsumerRecord<String, String> record = beats.get(0);
        assertEquals("io.tessera.WorkerHeartbeat", KafkaTestClient.header(record, "ce_type"));
        WorkerHeartbeat beat = Json.read(record.value(), WorkerHeartbeat.class);
        assertEquals("gpu-test", beat.workerId());
        assertEquals(Capability.GPU, beat.capability());
        assertEquals("simulated", beat.gpuSource());
        assertEquals(List.of(new GpuInfo("simulated", 0)), beat.gpus());
        assertEquals(1, beat.slots());
        assertEquals("RUNNING", beat.state());
        assertEquals(ProcessHandle.current().pid(), beat.pid());
        assertTrue(beat.cores() > 0 && beat.memoryMb() > 0);
    }

    @Test
    void theSameRecordTwiceIsRenderedOnce() {
        String jobId = TestTasks.newJobId();
        TaskDispatched dispatched = TestTasks.task(jobId, 0, 1, 1, SMALL_SCENE, 1);
        String taskId = dispatched.task().taskId();
        TestTasks.dispatch(dispatched, taskId);
        TestTasks.dispatch(dispatched, taskId);
        // a later task on the same partition: once it is done, both copies have been consumed
        TaskDispatched sentinel = TestTasks.task(jobId, 1, 1, 1, SMALL_SCENE, 1);
        TestTasks.dispatch(sentinel, taskId);
        finalEventOf(sentinel.task().taskId());

        List<String> types = types(KafkaTestClient.readAll(Topics.TASK_EVENTS).stream()
                .filter(r -> taskId.equals(KafkaTestClient.header(r, "ce_subject"))).toList());
        assertEquals(1, types.stream().filter("io.tessera.TaskStarted"::equals).count(), types.toString());
        assertEquals(1, types.stream().filter("io.tessera.TaskCompleted"::equals).count(), types.toString());
    }

    @Test
    void aTaskOfACancelledJobNeverStarts() throws InterruptedException {
        String jobId = TestTasks.newJobId();
        KafkaTestClient.produce(Topics.JOBS, jobId, "job:" + jobId + ":cancelled",
                new JobCancelled(jobId, "studio changed its mind", Instant.now()));
        awaitCancelled(jobId);
        TaskDispatched dispatched = TestTasks.task(jobId, 0, 1, 1, SMALL_SCENE, 1);
        String taskId = dispatched.task().taskId();
        TestTasks.dispatch(dispatched, taskId);
        TaskDispatched sentinel = TestTasks.task(TestTasks.newJobId(), 0, 1, 1, SMALL_SCENE, 1);
        TestTasks.dispatch(sentinel, taskId);
        finalEventOf(sentinel.task().taskId());

        assertTrue(KafkaTestClient.readAll(Topics.TASK_EVENTS).stream()
                .filter(r -> taskId.equals(KafkaTestClient.header(r, "ce_subject"))).toList().isEmpty());
        assertFalse(Files.exists(RealInfrastructure.outputRoot().resolve(jobId)));
    }

    @Test
    void cancellingAJobStopsItsRunningRender() throws InterruptedException {
        String jobId = TestTasks.newJobId();
        TaskDispatched dispatched = TestTasks.task(jobId, 0, 1, 48, TestTasks.demoScene(480, 270), 1);
        String taskId = dispatched.task().taskId();
        TestTasks.dispatch(dispatched, taskId);
        KafkaTestClient.readUntil(Topics.TASK_EVENTS, r -> taskId.equals(KafkaTestClient.header(r, "ce_subject")),
                found -> types(found).contains("io.tessera.TaskProgress"), WAIT);
        KafkaTestClient.produce(Topics.JOBS, jobId, "job:" + jobId + ":cancelled",
                new JobCancelled(jobId, "stop", Instant.now()));

        List<ConsumerRecord<String, String>> events = finalEventOf(taskId);
        ConsumerRecord<String, String> last = events.get(events.size() - 1);
        assertEquals("io.tessera.TaskFailed", KafkaTestClient.header(last, "ce_type"), types(events).toString());
        assertEquals("task:" + taskId + ":1:gpu-test:failed", KafkaTestClient.header(last, "ce_id"));
        TaskFailed failed = Json.read(last.value(), TaskFailed.class);
        assertEquals("job cancelled", failed.reason());
        assertFalse(failed.retryable());
        assertTrue(types(events).stream().filter("io.tessera.TaskProgress"::equals).count() < 48);
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndTheNextTaskStillRuns() {
        String jobId = TestTasks.newJobId();
        String key = jobId + "-garbage";
        ProducerRecord<String, String> garbage = new ProducerRecord<>(Topics.TASKS_GPU, key, "{this is not json");
        garbage.headers().add(new RecordHeader("ce_id", ("garbage-" + jobId).getBytes(StandardCharsets.UTF_8)));
        garbage.headers().add(new RecordHeader("ce_type",
                "io.tessera.TaskDispatched".getBytes(StandardCharsets.UTF_8)));
        KafkaTestClient.produce(garbage);
        KafkaTestClient.produce(new ProducerRecord<>(Topics.TASKS_GPU, key, "no headers at all " + jobId));
        TaskDispatched valid = TestTasks.task(jobId, 0, 1, 1, SMALL_SCENE, 1);
        TestTasks.dispatch(valid, key);

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(Topics.dlq(Topics.TASKS_GPU),
                r -> key.equals(r.key()), found -> found.size() >= 2, WAIT);
        assertEquals("{this is not json", dead.get(0).value());
        assertTrue(KafkaTestClient.header(dead.get(0), "dead-letter-reason").contains("TaskDispatched"),
                KafkaTestClient.header(dead.get(0), "dead-letter-reason"));
        assertTrue(KafkaTestClient.header(dead.get(1), "dead-letter-reason").contains("ce_id"),
                KafkaTestClient.header(dead.get(1), "dead-letter-reason"));
        assertEquals("io.tessera.TaskCompleted", types(finalEventOf(valid.task().taskId())).get(2));
    }

    private void awaitCancelled(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!cancelledJobs.contains(jobId)) {
            assertTrue(System.nanoTime() < deadline, "the worker never read the cancellation of " + jobId);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static List<ConsumerRecord<String, String>> finalEventOf(String taskId) {
        return KafkaTestClient.readUntil(Topics.TASK_EVENTS,
                r -> taskId.equals(KafkaTestClient.header(r, "ce_subject")),
                found -> types(found).stream().anyMatch(t -> t.equals("io.tessera.TaskCompleted")
                        || t.equals("io.tessera.TaskFailed")), WAIT);
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> KafkaTestClient.header(r, "ce_type")).toList();
    }

    private static byte[] rgb(BufferedImage image) {
        byte[] out = new byte[image.getWidth() * image.getHeight() * 3];
        int i = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int c = image.getRGB(x, y);
                out[i++] = (byte) (c >> 16);
                out[i++] = (byte) (c >> 8);
                out[i++] = (byte) c;
            }
        }
        return out;
    }
}
