package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code chunk: auto}: a studio gives a target task duration instead of a chunk size. Segmentation renders a
 * one-frame probe, sizes the remaining chunks from its measured time (re-sizing wave by wave), and a second job of
 * the same scene starts with chunks sized from that history. Every frame arrives exactly once.
 */
@ExtendWith(E2eFarm.class)
class AutoChunkTest {

    private static final int FIRST = 1;
    private static final int LAST = 48;
    private static final int TARGET_SECONDS = 2;

    private static ObjectNode autoJob(String name) {
        ObjectNode job = JobsApi.demoJob(name, "cpu", FIRST, LAST, 1, 320, 180);
        job.remove("chunkSize");
        job.putObject("autoChunk").put("targetSeconds", TARGET_SECONDS);
        return job;
    }

    @Test
    void aProbeFrameSizesTheChunksAndEveryFrameArrivesOnce() {
        JobsApi api = E2eFarm.api();
        JobsApi.Response created = api.submit(autoJob("auto-48"));
        assertEquals(201, created.status(), created.body());
        assertEquals("auto", created.json().path("chunking").asText(), created.body());
        assertEquals(TARGET_SECONDS, created.json().path("targetSeconds").asInt(), created.body());
        String jobId = created.json().path("jobId").asText();

        JsonNode job = api.awaitTerminal(jobId, Duration.ofMinutes(4));

        assertEquals("COMPLETED", job.path("state").asText(), job.toString());
        assertTrue(job.path("planComplete").asBoolean(), job.toString());
        assertEquals(LAST - FIRST + 1, job.path("progress").path("framesDone").asInt(), job.toString());
        List<JsonNode> tasks = byIndex(api.tasks(jobId));
        assertEquals(tasks.size(), job.path("progress").path("tasksTotal").asInt(), job.toString());
        assertCoversEveryFrameOnce(tasks);
        JsonNode probe = tasks.get(0);
        assertEquals(FIRST, probe.path("frameStart").asInt(), "the probe renders the first frame: " + tasks);
        assertEquals(FIRST, probe.path("frameEnd").asInt(), "the probe is one frame: " + tasks);
        assertTrue(tasks.size() > 1, "more tasks after the probe: " + tasks);
        assertTrue(tasks.subList(1, tasks.size()).stream().anyMatch(t -> frames(t) > 1),
                "chunks after the probe are larger than one frame: " + sizes(tasks));
        RenderedFrames.assertComplete(Path.of(job.path("outputDir").asText()), FIRST, LAST, 320, 180);

        JobsApi.Response again = api.submit(autoJob("auto-48-again"));
        assertEquals(201, again.status(), again.body());
        String secondId = again.json().path("jobId").asText();
        JsonNode second = api.awaitTerminal(secondId, Duration.ofMinutes(4));
        assertEquals("COMPLETED", second.path("state").asText(), second.toString());
        List<JsonNode> secondTasks = byIndex(api.tasks(secondId));
        assertCoversEveryFrameOnce(secondTasks);
        assertTrue(frames(secondTasks.get(0)) > 1,
                "the same scene again: no probe, chunks from history: " + sizes(secondTasks));
        RenderedFrames.assertComplete(Path.of(second.path("outputDir").asText()), FIRST, LAST, 320, 180);
    }

    private static void assertCoversEveryFrameOnce(List<JsonNode> tasks) {
        int next = FIRST;
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode task = tasks.get(i);
            assertEquals(i, task.path("index").asInt(), "task indexes continue across waves: " + sizes(tasks));
            assertEquals("SUCCEEDED", task.path("state").asText(), task.toString());
            assertEquals("chunk", task.path("part").asText(), task.toString());
            assertEquals(next, task.path("frameStart").asInt(), "frames planned exactly once: " + sizes(tasks));
            assertFalse(task.path("frameEnd").asInt() < task.path("frameStart").asInt(), task.toString());
            next = task.path("frameEnd").asInt() + 1;
        }
        assertEquals(LAST + 1, next, "every frame planned: " + sizes(tasks));
    }

    private static List<JsonNode> byIndex(JsonNode tasks) {
        List<JsonNode> list = new ArrayList<>();
        tasks.forEach(list::add);
        list.sort(Comparator.comparingInt(t -> t.path("index").asInt()));
        return list;
    }

    private static int frames(JsonNode task) {
        return task.path("frameEnd").asInt() - task.path("frameStart").asInt() + 1;
    }

    private static List<Integer> sizes(List<JsonNode> tasks) {
        return tasks.stream().map(AutoChunkTest::frames).toList();
    }
}
