package io.tessera.submission.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.Json;
import io.tessera.renderer.scene.BundledScenes;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class JobRequestValidatorTest {

    private final JobRequestValidator validator =
            new JobRequestValidator(100_000, 10_000, 262_144, new OutputPaths(Path.of("/srv/out")));

    static ObjectNode validJson() {
        ObjectNode job = Json.MAPPER.createObjectNode();
        job.put("requestId", "req-1");
        job.put("name", "demo");
        job.put("studio", "acme");
        job.set("scene", readTree(BundledScenes.demo()));
        job.putObject("frames").put("start", 1).put("end", 48);
        job.put("chunkSize", 4);
        job.put("output", "shots/sh010");
        job.put("priority", 70);
        job.putObject("requirements").put("capability", "gpu").put("minCores", 2).put("minMemoryMb", 1024);
        return job;
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ValidJobRequest validate(ObjectNode json, Channel channel) {
        return validator.validate(JobRequestReader.read(json.toString()), channel);
    }

    private List<Violation> violations(Consumer<ObjectNode> breakIt, Channel channel) {
        ObjectNode json = validJson();
        breakIt.accept(json);
        InvalidJobRequestException e = assertThrows(InvalidJobRequestException.class, () -> validate(json, channel));
        return e.violations();
    }

    private void assertViolation(Consumer<ObjectNode> breakIt, String field, String ruleFragment) {
        List<Violation> found = violations(breakIt, Channel.REST);
        assertTrue(found.stream().anyMatch(v -> v.field().equals(field) && v.rule().contains(ruleFragment)),
                "expected " + field + " / " + ruleFragment + " in " + found);
    }

    @Test
    void acceptsAValidRequestAndAppliesIt() {
        ValidJobRequest valid = validate(validJson(), Channel.KAFKA);
        assertEquals("req-1", valid.requestId());
        assertEquals(1, valid.frameStart());
        assertEquals(48, valid.frameEnd());
        assertEquals(12, valid.taskCount());
        assertEquals(70, valid.priority());
        assertEquals(Capability.GPU, valid.requirements().capability());
        assertEquals(2, valid.requirements().minCores());
        assertEquals("shots/sh010", valid.output());
        assertTrue(valid.scene().contains("\"camera\""));
    }

    @Test
    void appliesDefaultsForPriorityChunkSizeAndOutput() {
        ObjectNode json = validJson();
        json.remove(List.of("priority", "chunkSize", "output", "requestId"));
        ValidJobRequest valid = validate(json, Channel.REST);
        assertEquals(50, valid.priority());
        assertEquals(1, valid.chunkSize());
        assertEquals(48, valid.taskCount());
        assertNull(valid.output());
        assertNull(valid.requestId());
    }

    @Test
    void nameIsRequiredAndBounded() {
        assertViolation(j -> j.remove("name"), "name", "is required");
        assertViolation(j -> j.put("name", "  "), "name", "is required");
        assertViolation(j -> j.put("name", "x".repeat(201)), "name", "200");
    }

    @Test
    void studioIsRequiredAndRestrictedToSafeCharacters() {
        assertViolation(j -> j.remove("studio"), "studio", "is required");
        assertViolation(j -> j.put("studio", "acme studio"), "studio", "[A-Za-z0-9._-]");
        assertViolation(j -> j.put("studio", "a".repeat(65)), "studio", "64");
    }

    @Test
    void sceneIsRequiredMustParseAndIsBounded() {
        assertViolation(j -> j.remove("scene"), "scene", "is required");
        assertViolation(j -> ((ObjectNode) j.get("scene")).remove("camera"), "scene.camera", "");
        assertViolation(j -> ((ObjectNode) j.get("scene")).put("width", 0), "scene.width", "");
        assertViolation(j -> j.put("scene", 42), "scene", "object");
        assertViolation(j -> ((ObjectNode) j.get("scene")).put("description", "x".repeat(300_000)), "scene",
                "at most 262144 bytes");
    }

    @Test
    void framesAreRequiredOrderedAndBounded() {
        assertViolation(j -> j.remove("frames"), "frames", "is required");
        assertViolation(j -> j.putObject("frames").put("end", 3), "frames.start", "is required");
        assertViolation(j -> j.putObject("frames").put("start", -1).put("end", 3), "frames.start", ">= 0");
        assertViolation(j -> j.putObject("frames").put("start", 10).put("end", 1), "frames.end",
                "must be >= frames.start (10)");
        assertViolation(j -> j.putObject("frames").put("start", 1).put("end", 100_001), "frames", "100000");
    }

    @Test
    void chunkSizeAndTaskCountAreBounded() {
        assertViolation(j -> j.put("chunkSize", 0), "chunkSize", "between 1 and 1000");
        assertViolation(j -> j.put("chunkSize", 1001), "chunkSize", "between 1 and 1000");
        assertViolation(j -> {
            frames(j, 1, 60_000);
            j.put("chunkSize", 1);
        }, "tasks", "at most 10000");
        ObjectNode exactlyMax = validJson();
        frames(exactlyMax, 1, 40_000);
        exactlyMax.put("chunkSize", 4);
        assertEquals(10_000, validate(exactlyMax, Channel.REST).taskCount());
    }

    @Test
    void framesMustBeOnesTheSceneDeclares() {
        assertViolation(j -> j.putObject("frames").put("start", 1).put("end", 49), "frames",
                "must lie within the scene's frames 1..48");
        assertViolation(j -> j.putObject("frames").put("start", 0).put("end", 10), "frames",
                "must lie within the scene's frames 1..48");
        assertEquals(List.of(new Violation("frames", "must lie within the scene's frames 1..1 (scene.animation"
                + ".frameStart/frameEnd; a scene without animation has frame 1 only), was 2..2")), violations(j -> {
                    ((ObjectNode) j.get("scene")).remove("animation");
                    j.putObject("frames").put("start", 2).put("end", 2);
                }, Channel.REST));
    }

    /** Sets the job's frames and declares them in its scene's animation. */
    static ObjectNode frames(ObjectNode job, int start, int end) {
        job.putObject("frames").put("start", start).put("end", end);
        ((ObjectNode) job.get("scene").get("animation")).put("frameStart", start).put("frameEnd", end);
        return job;
    }

    @Test
    void priorityIsBetween0And100() {
        assertViolation(j -> j.put("priority", 101), "priority", "between 0 and 100");
        assertViolation(j -> j.put("priority", -1), "priority", "between 0 and 100");
    }

    @Test
    void requirementsNeedAKnownCapabilityAndPositiveMinimums() {
        assertViolation(j -> j.remove("requirements"), "requirements", "is required");
        assertViolation(j -> j.putObject("requirements"), "requirements.capability", "is required");
        assertViolation(j -> j.putObject("requirements").put("capability", "tpu"), "requirements.capability",
                "[cpu, gpu]");
        assertViolation(j -> ((ObjectNode) j.get("requirements")).put("minCores", 0), "requirements.minCores",
                "> 0");
        assertViolation(j -> ((ObjectNode) j.get("requirements")).put("minMemoryMb", -5),
                "requirements.minMemoryMb", "> 0");
    }

    @Test
    void outputMustStayInsideTheOutputRoot() {
        assertViolation(j -> j.put("output", "../../etc"), "output", "inside the output root");
        assertViolation(j -> j.put("output", "/etc/passwd"), "output", "relative");
        assertViolation(j -> j.put("output", "a/../.."), "output", "inside the output root");
    }

    @Test
    void requestIdIsBoundedAndRequiredOnKafka() {
        assertViolation(j -> j.put("requestId", "has space"), "requestId", "[A-Za-z0-9._:-]");
        assertViolation(j -> j.put("requestId", "r".repeat(201)), "requestId", "200");
        List<Violation> kafka = violations(j -> j.remove("requestId"), Channel.KAFKA);
        assertEquals(List.of(new Violation("requestId", "is required on Kafka so the request can be correlated")),
                kafka);
    }

    @Test
    void collectsEveryViolationAtOnce() {
        List<Violation> found = violations(j -> {
            j.putObject("frames").put("start", 10).put("end", 1);
            j.put("chunkSize", 0);
            j.put("priority", 500);
            j.remove("name");
            j.putObject("requirements").put("capability", "tpu");
        }, Channel.REST);
        assertEquals(List.of("name", "chunkSize", "frames.end", "priority", "requirements.capability"),
                found.stream().map(Violation::field).toList());
        InvalidJobRequestException e = assertThrows(InvalidJobRequestException.class, () -> {
            ObjectNode json = validJson();
            json.putObject("frames").put("start", 10).put("end", 1);
            json.put("chunkSize", 0);
            validate(json, Channel.KAFKA);
        });
        assertEquals("chunkSize: must be between 1 and 1000; frames.end: must be >= frames.start (10)",
                e.getMessage());
    }
}
