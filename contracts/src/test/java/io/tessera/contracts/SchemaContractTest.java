package io.tessera.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.jobs.FrameRange;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobRequest;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.status.FarmStatus;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.Progress;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.contracts.status.WorkerScaled;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskOutput;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.tasks.TaskProgress;
import io.tessera.contracts.tasks.TaskStarted;
import io.tessera.contracts.workers.GpuInfo;
import io.tessera.contracts.workers.Lease;
import io.tessera.contracts.workers.WorkerHeartbeat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas and asyncapi.yaml match the records: every event's JSON (as {@link Json#MAPPER} writes it)
 * validates against its schema, a sample missing a required field or breaking an enum or format does not, and
 * asyncapi.yaml documents every topic and references every schema.
 */
class SchemaContractTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static final Path ASYNCAPI = Path.of("asyncapi.yaml");
    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    /** A realistic sample of every record the schemas describe, keyed by its schema name. */
    private static Map<String, Object> samples() {
        Requirements gpu = new Requirements(Capability.GPU, 4, 2048);
        TaskPlanned planned = new TaskPlanned("job-1-t00000", "job-1", 0, 3, 1, 4, gpu, 70, "{\"frames\":4}",
                "/farm/out/job-1");
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put("JobSubmitted", new JobSubmitted("job-1", "req-1", "shot 10", "acme", "{\"frames\":4}", 1, 12, 4,
                "/farm/out/job-1", 50, new Requirements(Capability.CPU, null, null), AT));
        samples.put("JobCancelled", new JobCancelled("job-1", "studio asked", AT));
        samples.put("TaskPlanned", planned);
        samples.put("TaskDispatched", new TaskDispatched(planned, 2, AT));
        samples.put("TaskStarted", new TaskStarted("job-1-t00000", "job-1", 1, "cpu-1", AT));
        samples.put("TaskProgress", new TaskProgress("job-1-t00000", "job-1", 1, "cpu-1", 2, 4, AT));
        samples.put("TaskCompleted", new TaskCompleted("job-1-t00000", "job-1", 1, "cpu-1",
                List.of(new TaskOutput(1, "/farm/out/job-1/.staging/job-1-t00000/attempt-1/frame_0001.png",
                        "/farm/out/job-1/frame_0001.png")), 1234, AT));
        samples.put("TaskFailed", new TaskFailed("job-1-t00000", "job-1", 1, "cpu-1", "renderer crashed", true, AT));
        samples.put("WorkerHeartbeat", new WorkerHeartbeat("gpu-1", Capability.GPU, 2, 1, 8, 16384,
                List.of(new GpuInfo("Simulated RTX", 8192)), "simulated", List.of(new Lease("job-1-t00000", "job-1", 1)),
                "render-07", 4242, "RUNNING", AT));
        samples.put("JobProgress", new JobProgress("job-1", JobState.RUNNING,
                new Progress(3, Map.of("SUCCEEDED", 1, "RUNNING", 2), 4, 12), null, 7, AT));
        samples.put("TaskStatusChanged", new TaskStatusChanged("job-1-t00000", "job-1", 0, 1, 4, TaskState.QUEUED, 1,
                null, null, 3, AT));
        samples.put("FarmStatus", new FarmStatus(Capability.CPU, 5, 2, 1, 4, 2, AT));
        samples.put("WorkerScaled", new WorkerScaled(Capability.CPU, "STARTED", "cpu-auto-1", "backlog", AT));
        samples.put("JobRequest", new JobRequest("req-1", "shot 10", "acme", Json.MAPPER.createObjectNode().put("frames", 4),
                new FrameRange(1, 12), 4, "shot10", 60, gpu));
        return samples;
    }

    @Test
    void everyEventTypeHasASampleAndASchemaFile() {
        Set<String> expected = EventTypes.ALL.stream().map(Class::getSimpleName).collect(Collectors.toSet());
        expected.add(JobRequest.class.getSimpleName());
        assertEquals(new TreeSet<>(expected), new TreeSet<>(samples().keySet()));
        assertEquals(new TreeSet<>(expected), schemaNames());
    }

    @Test
    void everySampleSerializedWithJsonMapperValidatesAgainstItsSchema() {
        samples().forEach((name, sample) -> {
            Set<ValidationMessage> errors = schema(name).validate(json(sample));
            assertTrue(errors.isEmpty(), name + ": " + errors);
        });
    }

    @Test
    void schemaPropertiesAreExactlyTheRecordComponents() {
        samples().forEach((name, sample) -> {
            Set<String> components = Arrays.stream(sample.getClass().getRecordComponents())
                    .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> properties = new TreeSet<>();
            readSchema(name).get("properties").fieldNames().forEachRemaining(properties::add);
            assertEquals(components, properties, name);
            Set<String> required = new TreeSet<>();
            readSchema(name).get("required").forEach(n -> required.add(n.asText()));
            readSchema(name).get("properties").fields().forEachRemaining(p -> assertTrue(
                    required.contains(p.getKey()) || p.getValue().path("type").toString().contains("\"null\""),
                    name + "." + p.getKey() + " is neither required nor nullable"));
            assertEquals("https://json-schema.org/draft/2020-12/schema", readSchema(name).get("$schema").asText());
        });
    }

    @Test
    void aSampleMissingARequiredFieldFailsValidation() {
        int checked = 0;
        for (Map.Entry<String, Object> entry : samples().entrySet()) {
            JsonSchema schema = schema(entry.getKey());
            for (JsonNode required : readSchema(entry.getKey()).get("required")) {
                ObjectNode broken = (ObjectNode) json(entry.getValue());
                broken.remove(required.asText());
                Set<ValidationMessage> errors = schema.validate(broken);
                assertFalse(errors.isEmpty(), entry.getKey() + " without " + required.asText() + " validated");
                assertTrue(errors.toString().contains(required.asText()), errors.toString());
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked + " required fields");
    }

    @Test
    void wrongEnumsFormatsNullsAndUnknownFieldsFailValidation() {
        assertInvalid("FarmStatus", farmStatus().put("capability", "tpu"));
        assertInvalid("FarmStatus", farmStatus().put("capability", "CPU"));
        assertInvalid("FarmStatus", farmStatus().put("at", "yesterday"));
        assertInvalid("FarmStatus", farmStatus().put("at", 1764324000));
        assertInvalid("FarmStatus", farmStatus().put("queuedTasks", -1));
        assertInvalid("FarmStatus", farmStatus().put("queuedTasks", "5"));
        assertInvalid("FarmStatus", farmStatus().putNull("capability"));
        assertInvalid("FarmStatus", farmStatus().put("surprise", true));
        assertInvalid("WorkerScaled", ((ObjectNode) json(samples().get("WorkerScaled"))).put("action", "PAUSED"));
        ObjectNode dispatched = (ObjectNode) json(samples().get("TaskDispatched"));
        ((ObjectNode) dispatched.get("task").get("requirements")).put("capability", "fpga");
        assertInvalid("TaskDispatched", dispatched);
        ObjectNode progress = (ObjectNode) json(samples().get("JobProgress"));
        ((ObjectNode) progress.get("progress").get("tasksByState")).put("SLEEPING", 1);
        assertInvalid("JobProgress", progress);
        assertInvalid("TaskStatusChanged",
                ((ObjectNode) json(samples().get("TaskStatusChanged"))).put("state", "DONE"));
    }

    @Test
    void asyncApiDocumentsEveryTopicWithItsPartitionCount() throws IOException {
        JsonNode channels = asyncApi().get("channels");
        Map<String, JsonNode> byAddress = new LinkedHashMap<>();
        channels.forEach(channel -> byAddress.put(channel.get("address").asText(), channel));
        for (Topics.TopicSpec topic : Topics.ALL) {
            JsonNode channel = byAddress.get(topic.name());
            assertNotNull(channel, "asyncapi.yaml has no channel for " + topic.name());
            assertEquals(topic.partitions(), channel.at("/bindings/kafka/partitions").asInt(), topic.name());
            assertTrue(channel.get("messages").size() > 0, topic.name() + " names its messages");
        }
        Set<String> known = Topics.ALL.stream().map(Topics.TopicSpec::name).collect(Collectors.toSet());
        assertEquals(known, byAddress.keySet().stream().collect(Collectors.toSet()), "channels outside Topics.ALL");
        assertEquals("3.0.0", asyncApi().get("asyncapi").asText());
    }

    @Test
    void asyncApiReferencesEverySchemaAndEveryEventType() throws IOException {
        String text = Files.readString(ASYNCAPI);
        Matcher refs = Pattern.compile("\\./src/main/resources/schemas/([A-Za-z]+)\\.schema\\.json").matcher(text);
        Set<String> referenced = new HashSet<>();
        while (refs.find()) {
            referenced.add(refs.group(1));
        }
        assertEquals(schemaNames(), new TreeSet<>(referenced), "schemas referenced by asyncapi.yaml");
        JsonNode messages = asyncApi().at("/components/messages");
        for (Class<? extends TesseraEvent> type : EventTypes.ALL) {
            JsonNode message = messages.get(type.getSimpleName());
            assertNotNull(message, "asyncapi.yaml has no message " + type.getSimpleName());
            assertEquals(EventTypes.typeOf(type), message.at("/headers/allOf/1/properties/ce_type/const").asText());
            assertEquals("#/components/schemas/CloudEventsHeaders", message.at("/headers/allOf/0/$ref").asText());
        }
        List<String> required = new ArrayList<>();
        asyncApi().at("/components/schemas/CloudEventsHeaders/required").forEach(n -> required.add(n.asText()));
        assertTrue(required.contains("ce_id"), "ce_id is a required header");
    }

    private static void assertInvalid(String name, JsonNode instance) {
        assertFalse(schema(name).validate(instance).isEmpty(), name + " accepted " + instance);
    }

    private static ObjectNode farmStatus() {
        return (ObjectNode) json(samples().get("FarmStatus"));
    }

    private static JsonNode json(Object sample) {
        try {
            return Json.MAPPER.readTree(Json.write(sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String name) {
        try (InputStream in = SchemaContractTest.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            assertNotNull(in, "schemas/" + name + ".schema.json on the classpath");
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readSchema(String name) {
        try {
            return Json.MAPPER.readTree(SCHEMAS.resolve(name + ".schema.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> schemaNames() {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".schema.json"))
                    .map(f -> f.substring(0, f.length() - ".schema.json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode asyncApi() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(ASYNCAPI.toFile());
    }
}
