package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 3, tiles: a still cut into an uneven grid of tiles, each tile a task, one assembly task depending on all of
 * them; the assembled frame is pixel-identical to the same frame rendered whole.
 */
@ExtendWith(E2eFarm.class)
class TilesTest {

    @Test
    void anAssembledFrameIsPixelIdenticalToTheWholeRender() {
        JobsApi api = E2eFarm.api();
        ObjectNode tiled = JobsApi.demoJob("tiled-still", "cpu", 7, 7, 1, 642, 361);
        tiled.put("strategy", "tiles");
        tiled.putObject("tiles").put("columns", 7).put("rows", 3);
        String tiledId = created(api.submit(tiled));
        String wholeId = created(api.submit(JobsApi.demoJob("whole-still", "cpu", 7, 7, 1, 642, 361)));

        JsonNode tiledJob = api.awaitTerminal(tiledId, Duration.ofMinutes(3));
        JsonNode wholeJob = api.awaitTerminal(wholeId, Duration.ofMinutes(3));

        assertEquals("COMPLETED", tiledJob.path("state").asText(), tiledJob.toString());
        assertEquals("COMPLETED", wholeJob.path("state").asText(), wholeJob.toString());
        assertEquals(21, tiledJob.path("progress").path("parts").path("tile").path("done").asInt(), tiledJob.toString());
        assertEquals(22, tiledJob.path("progress").path("tasksTotal").asInt());
        assertEquals(1, tiledJob.path("progress").path("framesDone").asInt());
        Path tiledDir = Path.of(tiledJob.path("outputDir").asText());
        BufferedImage assembled = RenderedFrames.decode(tiledDir.resolve("frame_0007.png"));
        BufferedImage whole = RenderedFrames.decode(Path.of(wholeJob.path("outputDir").asText()).resolve("frame_0007.png"));
        assertEquals(642, assembled.getWidth());
        assertEquals(361, assembled.getHeight());
        assertEquals(0, PixelDiff.maxChannelDifference(assembled, whole), "assembled frame differs from the whole render");
        assertTrue(Files.isDirectory(tiledDir.resolve("tiles").resolve("frame_0007")), "tiles are kept as outputs");

        JsonNode tasks = api.tasks(tiledId);
        long assemblies = 0;
        for (JsonNode task : tasks) {
            if ("assemble".equals(task.path("kind").asText())) {
                assemblies++;
                assertEquals(21, task.path("dependsOn").size(), task.toString());
            }
        }
        assertEquals(1, assemblies);
    }

    private static String created(JobsApi.Response response) {
        assertEquals(201, response.status(), response.body());
        return response.json().path("jobId").asText();
    }
}
