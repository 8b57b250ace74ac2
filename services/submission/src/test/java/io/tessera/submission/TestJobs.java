package io.tessera.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.envelope.Json;
import io.tessera.renderer.scene.BundledScenes;

/** Job request JSON for component tests, built around the renderer's bundled demo scene. */
public final class TestJobs {

    private TestJobs() {
    }

    /** A valid request: frames 1..48 in chunks of 4 (12 tasks) on a cpu worker. */
    public static ObjectNode valid(String name, String studio) {
        ObjectNode job = Json.MAPPER.createObjectNode();
        job.put("name", name);
        job.put("studio", studio);
        try {
            job.set("scene", Json.MAPPER.readTree(BundledScenes.demo()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        job.putObject("frames").put("start", 1).put("end", 48);
        job.put("chunkSize", 4);
        job.put("priority", 50);
        job.putObject("requirements").put("capability", "cpu").put("minCores", 2).put("minMemoryMb", 1024);
        return job;
    }
}
