package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** (e) Invalid jobs over REST get problem details naming the field and rule, and nothing is persisted. */
@ExtendWith(E2eFarm.class)
class BadInputTest {

    @Test
    void reversedFrameRange() {
        assertRejected(job -> job.putObject("frames").put("start", 10).put("end", 1), "frames.end");
    }

    @Test
    void hugeFrameRange() {
        assertRejected(job -> job.putObject("frames").put("start", 1).put("end", 50_000_000), "frames");
    }

    @Test
    void zeroChunkSize() {
        assertRejected(job -> job.put("chunkSize", 0), "chunkSize");
    }

    @Test
    void unknownRequirement() {
        assertRejected(job -> job.putObject("requirements").put("capability", "tpu"), "requirements.capability");
    }

    @Test
    void sceneThatDoesNotParse() {
        assertRejected(job -> ((ObjectNode) job.get("scene")).remove("camera"), "scene.camera");
    }

    @Test
    void outputEscapingTheOutputRoot() {
        assertRejected(job -> job.put("output", "../../etc"), "output");
    }

    @Test
    void moreTasksThanTheMaximum() {
        assertRejected(job -> {
            job.putObject("frames").put("start", 1).put("end", 60_000);
            ((ObjectNode) job.get("scene").get("animation")).put("frameEnd", 60_000);
            job.put("chunkSize", 1);
        }, "tasks");
    }

    @Test
    void framesTheSceneDoesNotHave() {
        assertRejected(job -> job.putObject("frames").put("start", 40).put("end", 60), "frames");
    }

    @Test
    void notJsonAtAll() {
        JobsApi.Response response = E2eFarm.api().submitRaw("{\"name\": ");
        assertEquals(400, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
    }

    private static void assertRejected(Consumer<ObjectNode> breakIt, String field) {
        JobsApi api = E2eFarm.api();
        ObjectNode job = JobsApi.demoJob("bad-" + field, "cpu", 1, 4, 1, 64, 36);
        String studio = "bad-input-" + Math.abs(field.hashCode());
        job.put("studio", studio);
        breakIt.accept(job);

        JobsApi.Response response = api.submit(job);

        assertEquals(400, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        JsonNode problem = response.json();
        assertEquals(400, problem.path("status").asInt());
        boolean named = false;
        for (JsonNode error : problem.path("errors")) {
            named |= error.path("field").asText().startsWith(field) && !error.path("rule").asText().isBlank();
        }
        assertTrue(named, "no error names " + field + ": " + problem);
        assertEquals(0, api.get("/api/v1/jobs?studio=" + studio).json().path("total").asInt(),
                "an invalid job was persisted");
    }
}
