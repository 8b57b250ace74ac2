package io.tessera.segmentation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.jobs.TileGrid;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Tiles, layers and preview jobs through the real broker: the TaskPlanned records a user's job turns into. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class StrategyComponentTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SCENE = "{\"width\":64,\"height\":36,\"camera\":{}}";

    private static JobSubmitted job(String jobId, Strategy strategy, int start, int end, int chunk, TileGrid tiles,
                                    List<String> passes, boolean preview) {
        return new JobSubmitted(jobId, "req-" + jobId, "shot", "studio-a", SCENE, start, end, chunk,
                "/farm/out/" + jobId, 60, new Requirements(Capability.CPU, null, null), Instant.now(), strategy,
                tiles, passes, null, List.of(), preview);
    }

    private static void submit(JobSubmitted job) {
        KafkaTestClient.produce(EventEnvelope.of("job:" + job.jobId() + ":submitted", "/tessera/submission", job)
                .toRecord(Topics.JOBS, job.jobId()));
    }

    /** The job's TaskPlanned events in index order, after checking each record's key and ce_id. */
    private static List<TaskPlanned> plannedTasksOf(String jobId, int expected) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.TASKS_PLANNED,
                r -> jobId.equals(r.key()), expected, TIMEOUT, Duration.ofSeconds(1));
        List<TaskPlanned> tasks = records.stream().map(r -> {
            TaskPlanned task = Json.read(r.value(), TaskPlanned.class);
            assertEquals("task:" + task.taskId() + ":planned", EventEnvelope.header(r.headers(), CloudEventHeaders.ID));
            return task;
        }).sorted(Comparator.comparingInt(TaskPlanned::index)).toList();
        assertEquals(expected, tasks.size(), "TaskPlanned records of " + jobId);
        return tasks;
    }

    @Test
    void tilesJobIsCutIntoTilesAndOneAssemblyPerFrame() {
        String jobId = "job-" + UUID.randomUUID();
        submit(job(jobId, Strategy.TILES, 1, 2, 1, new TileGrid(3, 2, null, null), List.of(), false));

        List<TaskPlanned> tasks = plannedTasksOf(jobId, 14);

        List<PixelRegion> regions = List.of(new PixelRegion(0, 0, 21, 18), new PixelRegion(21, 0, 21, 18),
                new PixelRegion(42, 0, 22, 18), new PixelRegion(0, 18, 21, 18), new PixelRegion(21, 18, 21, 18),
                new PixelRegion(42, 18, 22, 18));
        for (int f = 0; f < 2; f++) {
            int frame = f + 1;
            for (int t = 0; t < 6; t++) {
                TaskPlanned tile = tasks.get(f * 7 + t);
                assertEquals(String.format("%s-t%05d", jobId, f * 7 + t), tile.taskId());
                assertEquals(14, tile.taskCount());
                assertEquals(TaskKind.RENDER, tile.kind());
                assertEquals(regions.get(t), tile.region());
                assertEquals(frame, tile.frameStart());
                assertEquals(frame, tile.frameEnd());
                assertTrue(tile.dependsOn().isEmpty());
                // frame 1 has rank 0, frame 2 rank 1; 6 tiles + 1 assembly per frame
                assertEquals(f * 7 + t, tile.order());
                assertEquals(false, tile.preview());
            }
            TaskPlanned assembly = tasks.get(f * 7 + 6);
            assertEquals(TaskKind.ASSEMBLE, assembly.kind());
            assertNull(assembly.region());
            assertEquals(frame, assembly.frameStart());
            assertEquals(f * 7 + 6, assembly.order());
            assertEquals(tasks.subList(f * 7, f * 7 + 6).stream().map(TaskPlanned::taskId).toList(),
                    assembly.dependsOn());
            for (int t = 0; t < 6; t++) {
                PixelRegion r = regions.get(t);
                assertEquals(new TaskInput(String.format("/farm/out/%s/tiles/frame_%04d/tile_x%04d_y%04d.png",
                        jobId, frame, r.x(), r.y()), frame, r, null), assembly.inputs().get(t));
            }
        }
    }

    @Test
    void layersJobIsCutIntoPassTasksAndOneCompositePerFrame() {
        String jobId = "job-" + UUID.randomUUID();
        submit(job(jobId, Strategy.LAYERS, 5, 5, 1, null, List.of("beauty", "ambient_occlusion"), false));

        List<TaskPlanned> tasks = plannedTasksOf(jobId, 7);

        assertEquals(List.of(List.of("beauty"), List.of("ambient_occlusion"), List.of("diffuse"), List.of("specular"),
                List.of("shadows"), List.of("reflections"), List.of()), tasks.stream().map(TaskPlanned::passes).toList());
        assertEquals(List.of("pass", "pass", "pass", "pass", "pass", "pass", "composite"),
                tasks.stream().map(TaskPlanned::part).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), tasks.stream().map(TaskPlanned::order).toList());
        TaskPlanned composite = tasks.get(6);
        assertEquals(TaskKind.COMPOSITE, composite.kind());
        assertEquals(5, composite.frameStart());
        assertEquals(tasks.subList(2, 6).stream().map(TaskPlanned::taskId).toList(), composite.dependsOn());
        assertEquals(List.of("diffuse", "specular", "shadows", "reflections").stream()
                .map(pass -> new TaskInput("/farm/out/" + jobId + "/passes/frame_0005/" + pass + ".pfm", 5, null,
                        pass)).toList(), composite.inputs());
    }

    @Test
    void previewFramesJobMarksItsKeyFrameChunks() {
        String jobId = "job-" + UUID.randomUUID();
        submit(job(jobId, Strategy.FRAMES, 1, 9, 1, null, List.of(), true));

        List<TaskPlanned> tasks = plannedTasksOf(jobId, 9);

        assertEquals(List.of(0, 5, 3, 6, 2, 7, 4, 8, 1), tasks.stream().map(TaskPlanned::order).toList());
        assertEquals(List.of(1, 5, 9), tasks.stream().filter(TaskPlanned::preview).map(TaskPlanned::frameStart)
                .toList(), "first, middle and last frame are previewed");
    }

    @Test
    void aGridWithMoreTilesThanPixelsIsDeadLettered() {
        String jobId = "job-" + UUID.randomUUID();
        submit(job(jobId, Strategy.TILES, 1, 1, 1, new TileGrid(65, 1, null, null), List.of(), false));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.JOBS),
                r -> jobId.equals(r.key()), 1, TIMEOUT, Duration.ZERO);
        assertEquals(1, dead.size());
        assertEquals("tiles.columns: 65 tiles over an image 64 px wide: more tiles than pixels",
                EventEnvelope.header(dead.get(0).headers(), CloudEventHeaders.DEAD_LETTER_REASON));
        assertTrue(KafkaTestClient.read(Topics.TASKS_PLANNED, r -> jobId.equals(r.key()), 1, Duration.ofSeconds(1),
                Duration.ZERO).isEmpty(), "an invalid job plans no task");
    }
}
