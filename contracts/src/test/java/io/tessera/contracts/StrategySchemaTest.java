package io.tessera.contracts;

import static io.tessera.contracts.Schemas.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The schema rules of the segmentation strategies: lowercase strategy and kind ids that match the Java enums, tile
 * grids with exactly one pair, known and unique pass ids, pixel regions, task inputs and dependencies, the worker's
 * score and partitions, and progress per part keyed by {@link TaskPlanned#part()}.
 */
class StrategySchemaTest {

    @Test
    void strategyAndKindEnumsAreTheLowercaseJavaIds() {
        Set<String> strategies = Arrays.stream(Strategy.values()).map(Strategy::id).collect(Collectors.toSet());
        assertEquals(strategies, texts(Schemas.read("JobSubmitted").at("/properties/strategy/enum")));
        Set<String> requested = texts(Schemas.read("JobRequest").at("/properties/strategy/enum"));
        assertTrue(requested.remove("null"), "JobRequest.strategy may be null");
        assertEquals(strategies, requested);
        Set<String> kinds = Arrays.stream(TaskKind.values()).map(TaskKind::id).collect(Collectors.toSet());
        assertEquals(kinds, texts(Schemas.read("TaskPlanned").at("/properties/kind/enum")));
        for (String name : new String[] {"TaskDispatched", "TaskReady"}) {
            assertEquals(kinds, texts(Schemas.read(name).at("/$defs/TaskPlanned/properties/kind/enum")), name);
        }
    }

    @Test
    void progressPartsAreKeyedByEveryTaskPart() {
        Set<String> parts = ContractSamples.taskOfEveryPart().stream().map(TaskPlanned::part)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("chunk", "tile", "pass", "assembly", "composite"), parts);
        assertEquals(parts, texts(Schemas.read("JobProgress")
                .at("/$defs/Progress/properties/parts/propertyNames/enum")));
    }

    @Test
    void embeddedTaskPlannedIsTheTaskPlannedSchema() {
        JsonNode planned = Schemas.read("TaskPlanned");
        for (String name : new String[] {"TaskDispatched", "TaskReady"}) {
            JsonNode embedded = Schemas.read(name).at("/$defs/TaskPlanned");
            assertEquals(planned.get("properties"), embedded.get("properties"), name);
            assertEquals(planned.get("required"), embedded.get("required"), name);
            for (String def : new String[] {"Requirements", "PixelRegion", "TaskInput", "Pass"}) {
                assertEquals(planned.at("/$defs/" + def), Schemas.read(name).at("/$defs/" + def), name + " " + def);
            }
        }
    }

    @Test
    void badJobsFailValidation() {
        assertInvalid("JobSubmitted", job -> job.put("strategy", "TILES"));
        assertInvalid("JobSubmitted", job -> job.put("strategy", "spiral"));
        assertInvalid("JobSubmitted", job -> job.putNull("strategy"));
        assertInvalid("JobSubmitted", job -> tiles(job).put("tileWidth", 256).put("tileHeight", 256));
        assertInvalid("JobSubmitted", job -> tiles(job).put("tileWidth", 256));
        assertInvalid("JobSubmitted", job -> tiles(job).putNull("rows"));
        assertInvalid("JobSubmitted", job -> tiles(job).put("columns", 0));
        assertInvalid("JobSubmitted", job -> tiles(job).put("spiral", true));
        assertInvalid("JobSubmitted", job -> job.putArray("passes").add("diffuse").add("normals"));
        assertInvalid("JobSubmitted", job -> job.putArray("passes").add("diffuse").add("diffuse"));
        assertInvalid("JobSubmitted", job -> job.putArray("passes").add("DIFFUSE"));
        assertInvalid("JobSubmitted", job -> job.putNull("passes"));
        assertInvalid("JobSubmitted", job -> job.putNull("dependsOn"));
        assertInvalid("JobSubmitted", job -> job.putArray("dependsOn").add(""));
        assertInvalid("JobSubmitted", job -> job.putObject("autoChunk").put("targetSeconds", 0));
        assertInvalid("JobSubmitted", job -> job.put("preview", "yes"));
        assertInvalid("JobRequest", job -> job.put("strategy", "spiral"));
        assertInvalid("JobRequest", job -> tiles(job).removeAll());
        assertInvalid("JobRequest", job -> tiles(job).put("rows", -2));
        assertInvalid("JobRequest", job -> job.putArray("passes").add("normals"));
        assertInvalid("JobRequest", job -> job.putArray("dependsOn").add("job-1").add("job-1"));
        assertInvalid("JobRequest", job -> job.putObject("autoChunk").put("targetSeconds", "soon"));
        assertValid("JobRequest", job -> tiles(job).remove("tileWidth"));
        assertValid("JobRequest", job -> job.remove(Set.of("strategy", "tiles", "passes", "autoChunk", "dependsOn",
                "preview")));
    }

    @Test
    void badTasksFailValidation() {
        assertInvalid("TaskPlanned", task -> task.put("kind", "merge"));
        assertInvalid("TaskPlanned", task -> task.put("kind", "RENDER"));
        assertInvalid("TaskPlanned", task -> ((ObjectNode) task.get("region")).put("width", 0));
        assertInvalid("TaskPlanned", task -> ((ObjectNode) task.get("region")).put("x", -1));
        assertInvalid("TaskPlanned", task -> ((ObjectNode) task.get("region")).remove("height"));
        assertInvalid("TaskPlanned", task -> task.put("order", -1));
        assertInvalid("TaskPlanned", task -> task.putNull("inputs"));
        assertInvalid("TaskPlanned", task -> task.putArray("inputs").addObject().put("frame", 24));
        assertInvalid("TaskPlanned", task -> task.putArray("inputs").addObject().put("path", "/farm/out/a.pfm")
                .put("frame", 24).put("pass", "normals"));
        assertInvalid("TaskPlanned", task -> task.putArray("dependsOn").add("job-2-t00000").add("job-2-t00000"));
        assertInvalid("TaskPlanned", task -> task.putArray("passes").add("normals"));
        assertInvalid("TaskReady", ready -> ready.put("attempt", 0));
        assertInvalid("TaskReady", ready -> ready.put("readyAt", "now"));
        assertInvalid("TaskReady", ready -> ((ObjectNode) ready.get("task")).put("kind", "merge"));
        assertInvalid("TaskReady", ready -> ((ArrayNode) ready.get("task").get("inputs")).addObject().put("path", ""));
        assertInvalid("TaskReady", ready -> ((ObjectNode) ready.get("task")).remove("dependsOn"));
        assertInvalid("TaskDispatched", dispatched -> dispatched.put("assignedWorker", ""));
        assertInvalid("TaskDispatched", dispatched -> ((ObjectNode) dispatched.get("task")).putNull("passes"));
        assertValid("TaskDispatched", dispatched -> dispatched.putNull("assignedWorker"));
    }

    @Test
    void badHeartbeatsAndProgressFailValidation() {
        assertInvalid("WorkerHeartbeat", beat -> beat.put("score", -1.5));
        assertInvalid("WorkerHeartbeat", beat -> beat.put("score", "fast"));
        assertInvalid("WorkerHeartbeat", beat -> beat.putArray("partitions").add(-1));
        assertInvalid("WorkerHeartbeat", beat -> beat.putArray("partitions").add(3).add(3));
        assertInvalid("WorkerHeartbeat", beat -> beat.putNull("partitions"));
        assertInvalid("JobProgress", job -> parts(job).putObject("frames").put("done", 1).put("total", 2));
        assertInvalid("JobProgress", job -> parts(job).putObject("tile").put("done", -1).put("total", 4));
        assertInvalid("JobProgress", job -> parts(job).putObject("tile").put("done", 1));
        assertInvalid("JobProgress", job -> ((ObjectNode) job.get("progress")).remove("parts"));
    }

    private static ObjectNode tiles(ObjectNode job) {
        return (ObjectNode) job.get("tiles");
    }

    private static ObjectNode parts(ObjectNode job) {
        return (ObjectNode) job.get("progress").get("parts");
    }

    private static void assertInvalid(String name, Consumer<ObjectNode> change) {
        ObjectNode instance = (ObjectNode) json(ContractSamples.samples().get(name));
        change.accept(instance);
        assertFalse(Schemas.validate(name, instance).isEmpty(), name + " accepted " + instance);
    }

    private static void assertValid(String name, Consumer<ObjectNode> change) {
        ObjectNode instance = (ObjectNode) json(ContractSamples.samples().get(name));
        change.accept(instance);
        assertEquals(Set.of(), Schemas.validate(name, instance), name + " rejected " + instance);
    }

    private static Set<String> texts(JsonNode array) {
        assertTrue(array.isArray(), "an enum array, was " + array);
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
