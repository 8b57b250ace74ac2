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
 * Issue 3, layers: every pass of a frame is a task, a composite task builds the frame from the passes; the composite
 * equals the beauty render within 2/255 per channel, and every pass image is kept.
 */
@ExtendWith(E2eFarm.class)
class LayersTest {

    private static final String[] PASSES = {"diffuse", "specular", "shadows", "reflections", "ambient_occlusion",
        "beauty"};

    @Test
    void theCompositeEqualsTheBeautyPass() {
        JobsApi api = E2eFarm.api();
        ObjectNode layered = JobsApi.demoJob("layered-frame", "cpu", 3, 4, 1, 320, 180);
        layered.put("strategy", "layers");
        for (String pass : PASSES) {
            layered.withArray("passes").add(pass);
        }
        JobsApi.Response response = api.submit(layered);
        assertEquals(201, response.status(), response.body());
        String jobId = response.json().path("jobId").asText();

        JsonNode job = api.awaitTerminal(jobId, Duration.ofMinutes(3));

        assertEquals("COMPLETED", job.path("state").asText(), job.toString());
        assertEquals(2, job.path("progress").path("framesDone").asInt());
        assertEquals(12, job.path("progress").path("parts").path("pass").path("done").asInt(), job.toString());
        Path dir = Path.of(job.path("outputDir").asText());
        for (int frame = 3; frame <= 4; frame++) {
            Path passes = dir.resolve("passes").resolve(String.format("frame_%04d", frame));
            for (String pass : PASSES) {
                assertTrue(Files.isRegularFile(passes.resolve(pass + ".png")), "missing pass " + pass);
            }
            BufferedImage composite = RenderedFrames.decode(dir.resolve(String.format("frame_%04d.png", frame)));
            BufferedImage beauty = RenderedFrames.decode(passes.resolve("beauty.png"));
            int difference = PixelDiff.maxChannelDifference(composite, beauty);
            assertTrue(difference <= 2, "composite differs from beauty by " + difference + "/255 in frame " + frame);
        }
    }
}
