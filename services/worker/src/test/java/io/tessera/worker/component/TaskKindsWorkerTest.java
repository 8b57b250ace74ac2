package io.tessera.worker.component;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.tasks.OutputNames;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskOutput;
import io.tessera.contracts.workers.WorkerHeartbeat;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.renderer.image.Image;
import io.tessera.renderer.scene.SceneParser;
import io.tessera.renderer.trace.Pass;
import io.tessera.renderer.trace.RayTracer;
import io.tessera.renderer.trace.Region;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Tiles, passes, assembly, compositing and the heartbeat's score and partitions, against a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class TaskKindsWorkerTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int W = 64;
    private static final int H = 36;
    private static final String SCENE = TestTasks.demoScene(W, H);
    private static final RayTracer TRACER = new RayTracer(SceneParser.parse(SCENE));

    @Test
    void aTileTaskStagesThePngOfItsRegion() throws Exception {
        String jobId = TestTasks.newJobId();
        PixelRegion region = new PixelRegion(13, 11, 27, 25);
        TaskDispatched dispatched = TestTasks.task(jobId, 0, 4, SCENE, TaskKind.RENDER, region, List.of(), List.of());

        TaskCompleted completed = completed(dispatched);

        Path dir = TestTasks.outputDir(jobId);
        Path finalPath = OutputNames.tile(dir, 4, region);
        assertEquals(List.of(new TaskOutput(4, staged(dispatched, finalPath).toString(), finalPath.toString())),
                completed.outputs());
        Image tile = Image.readPng(staged(dispatched, finalPath));
        assertEquals(27, tile.width());
        assertEquals(25, tile.height());
        assertEquals(0, tile.maxChannelDifference(TRACER.render(4, new Region(13, 11, 27, 25), Pass.BEAUTY)));
        assertFalse(Files.exists(finalPath), "the worker never writes the final name");
    }

    @Test
    void aPassesTaskStagesPfmAndPngPerPass() throws Exception {
        String jobId = TestTasks.newJobId();
        TaskDispatched dispatched = TestTasks.task(jobId, 0, 2, SCENE, TaskKind.RENDER, null,
                List.of("diffuse", "beauty"), List.of());

        TaskCompleted completed = completed(dispatched);

        Path dir = TestTasks.outputDir(jobId);
        List<TaskOutput> expected = new ArrayList<>();
        for (String pass : List.of("beauty", "diffuse")) {
            for (String extension : List.of("pfm", "png")) {
                Path finalPath = OutputNames.pass(dir, 2, pass, extension);
                expected.add(new TaskOutput(2, staged(dispatched, finalPath).toString(), finalPath.toString()));
            }
        }
        assertEquals(expected, completed.outputs());
        for (String pass : List.of("beauty", "diffuse")) {
            Image exact = TRACER.render(2, Region.full(W, H), Pass.fromId(pass));
            assertEquals(exact, Image.readPfm(staged(dispatched, OutputNames.pass(dir, 2, pass, "pfm"))), pass);
            Image png = Image.readPng(staged(dispatched, OutputNames.pass(dir, 2, pass, "png")));
            assertEquals(0, png.maxChannelDifference(exact), pass);
        }
    }

    @Test
    void anAssemblyOfCommittedTilesStagesTheFullFrame() throws Exception {
        String jobId = TestTasks.newJobId();
        Path dir = TestTasks.outputDir(jobId);
        int frame = 6;
        List<TaskInput> inputs = new ArrayList<>();
        int[] xs = {0, 22, 43, W};
        int[] ys = {0, 17, H};
        for (int row = 0; row < 2; row++) {
            for (int col = 0; col < 3; col++) {
                PixelRegion region = new PixelRegion(xs[col], ys[row], xs[col + 1] - xs[col], ys[row + 1] - ys[row]);
                Path committed = OutputNames.tile(dir, frame, region);
                Files.createDirectories(committed.getParent());
                TRACER.render(frame, new Region(region.x(), region.y(), region.width(), region.height()), Pass.BEAUTY)
                        .writePng(committed);
                inputs.add(new TaskInput(committed.toString(), frame, region, null));
            }
        }
        TaskDispatched dispatched = TestTasks.task(jobId, 6, frame, SCENE, TaskKind.ASSEMBLE, null, List.of(), inputs);

        TaskCompleted completed = completed(dispatched);

        Path finalPath = OutputNames.frame(dir, frame);
        assertEquals(List.of(new TaskOutput(frame, staged(dispatched, finalPath).toString(), finalPath.toString())),
                completed.outputs());
        assertArrayEquals(TRACER.render(frame, Region.full(W, H), Pass.BEAUTY).toPng(),
                Files.readAllBytes(staged(dispatched, finalPath)));
    }

    @Test
    void anAssemblyWithAMissingTileFailsRetryablyNamingTheFile() {
        String jobId = TestTasks.newJobId();
        Path missing = OutputNames.tile(TestTasks.outputDir(jobId), 1, new PixelRegion(0, 0, W, H));
        TaskDispatched dispatched = TestTasks.task(jobId, 1, 1, SCENE, TaskKind.ASSEMBLE, null, List.of(),
                List.of(new TaskInput(missing.toString(), 1, new PixelRegion(0, 0, W, H), null)));
        TestTasks.dispatch(dispatched, dispatched.task().taskId());

        List<ConsumerRecord<String, String>> events = finalEventOf(dispatched.task().taskId());
        ConsumerRecord<String, String> last = events.get(events.size() - 1);
        assertEquals("io.tessera.TaskFailed", KafkaTestClient.header(last, "ce_type"));
        TaskFailed failed = Json.read(last.value(), TaskFailed.class);
        assertTrue(failed.retryable());
        assertTrue(failed.reason().contains(missing.toString()), failed.reason());
    }

    @Test
    void aCompositeOfCommittedPassesMatchesTheBeautyPass() throws Exception {
        String jobId = TestTasks.newJobId();
        Path dir = TestTasks.outputDir(jobId);
        int frame = 3;
        List<TaskInput> inputs = new ArrayList<>();
        for (Pass pass : List.of(Pass.DIFFUSE, Pass.SPECULAR, Pass.SHADOWS, Pass.REFLECTIONS)) {
            Path committed = OutputNames.pass(dir, frame, pass.id(), "pfm");
            Files.createDirectories(committed.getParent());
            TRACER.render(frame, Region.full(W, H), pass).writePfm(committed);
            inputs.add(new TaskInput(committed.toString(), frame, null, pass.id()));
        }
        TaskDispatched dispatched = TestTasks.task(jobId, 4, frame, SCENE, TaskKind.COMPOSITE, null, List.of(),
                inputs);

        TaskCompleted completed = completed(dispatched);

        Path finalPath = OutputNames.frame(dir, frame);
        assertEquals(List.of(new TaskOutput(frame, staged(dispatched, finalPath).toString(), finalPath.toString())),
                completed.outputs());
        int diff = Image.readPng(staged(dispatched, finalPath))
                .maxChannelDifference(TRACER.render(frame, Region.full(W, H), Pass.BEAUTY));
        assertTrue(diff <= 2, "composite differs from beauty by " + diff + "/255");
    }

    @Test
    void heartbeatsStateTheCalibrationScoreAndTheOwnedPartitions() {
        List<ConsumerRecord<String, String>> beats = KafkaTestClient.readUntil(Topics.WORKERS,
                r -> "gpu-test".equals(r.key()) && !beat(r).partitions().isEmpty(), found -> !found.isEmpty(), WAIT);
        WorkerHeartbeat beat = beat(beats.get(0));
        assertTrue(beat.score() > 0, "score " + beat.score());
        assertTrue(beat.partitions().stream().allMatch(p -> p >= 0), beat.partitions().toString());
        assertEquals(beat.partitions().stream().distinct().sorted().toList(), beat.partitions());
    }

    private static WorkerHeartbeat beat(ConsumerRecord<String, String> record) {
        return Json.read(record.value(), WorkerHeartbeat.class);
    }

    private static Path staged(TaskDispatched dispatched, Path finalPath) {
        return OutputNames.staged(TestTasks.outputDir(dispatched.task().jobId()), dispatched.task().taskId(),
                dispatched.attempt(), "gpu-test", finalPath);
    }

    private static TaskCompleted completed(TaskDispatched dispatched) {
        TestTasks.dispatch(dispatched, dispatched.task().taskId());
        List<ConsumerRecord<String, String>> events = finalEventOf(dispatched.task().taskId());
        ConsumerRecord<String, String> last = events.get(events.size() - 1);
        assertEquals("io.tessera.TaskCompleted", KafkaTestClient.header(last, "ce_type"), last.value());
        return Json.read(last.value(), TaskCompleted.class);
    }

    private static List<ConsumerRecord<String, String>> finalEventOf(String taskId) {
        return KafkaTestClient.readUntil(Topics.TASK_EVENTS,
                r -> taskId.equals(KafkaTestClient.header(r, "ce_subject")),
                found -> found.stream().map(r -> KafkaTestClient.header(r, "ce_type"))
                        .anyMatch(t -> t.equals("io.tessera.TaskCompleted") || t.equals("io.tessera.TaskFailed")),
                WAIT);
    }
}
