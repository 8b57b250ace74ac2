package io.tessera.contracts;

import static io.tessera.contracts.Schemas.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.jobs.JobRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas and asyncapi.yaml match the records: every event's JSON (as {@link Json#MAPPER} writes it)
 * validates against its schema, a sample missing a required field or breaking an enum or format does not, and
 * asyncapi.yaml documents every topic and references every schema.
 */
class SchemaContractTest {

    @Test
    void everyEventTypeHasASampleAndASchemaFile() {
        Set<String> expected = EventTypes.ALL.stream().map(Class::getSimpleName).collect(Collectors.toSet());
        expected.add(JobRequest.class.getSimpleName());
        assertEquals(new TreeSet<>(expected), new TreeSet<>(ContractSamples.samples().keySet()));
        assertEquals(new TreeSet<>(expected), Schemas.names());
    }

    @Test
    void everySampleSerializedWithJsonMapperValidatesAgainstItsSchema() {
        ContractSamples.samples().forEach((name, sample) -> {
            Set<ValidationMessage> errors = Schemas.validate(name, json(sample));
            assertTrue(errors.isEmpty(), name + ": " + errors);
        });
    }

    @Test
    void everyStrategyAndTheCompatibilityShapesValidateToo() {
        for (Map.Entry<String, Object> variant : ContractSamples.variants()) {
            Set<ValidationMessage> errors = Schemas.validate(variant.getKey(), json(variant.getValue()));
            assertTrue(errors.isEmpty(), variant.getKey() + " " + json(variant.getValue()) + ": " + errors);
        }
    }

    @Test
    void schemaPropertiesAreExactlyTheRecordComponents() {
        ContractSamples.samples().forEach((name, sample) -> {
            JsonNode schema = Schemas.read(name);
            Set<String> components = Arrays.stream(sample.getClass().getRecordComponents())
                    .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> properties = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            assertEquals(components, properties, name);
            assertEquals(components, new TreeSet<>(iterate(json(sample).fieldNames())), name + " as JSON");
            Set<String> required = new TreeSet<>();
            schema.get("required").forEach(n -> required.add(n.asText()));
            schema.get("properties").fields().forEachRemaining(p -> assertTrue(
                    required.contains(p.getKey()) || p.getValue().path("type").toString().contains("\"null\""),
                    name + "." + p.getKey() + " is neither required nor nullable"));
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        });
    }

    @Test
    void aSampleMissingARequiredFieldFailsValidation() {
        int checked = 0;
        for (Map.Entry<String, Object> entry : ContractSamples.samples().entrySet()) {
            JsonSchema schema = Schemas.schema(entry.getKey());
            for (JsonNode required : Schemas.read(entry.getKey()).get("required")) {
                ObjectNode broken = (ObjectNode) json(entry.getValue());
                broken.remove(required.asText());
                Set<ValidationMessage> errors = schema.validate(broken);
                assertFalse(errors.isEmpty(), entry.getKey() + " without " + required.asText() + " validated");
                assertTrue(errors.toString().contains(required.asText()), errors.toString());
                checked++;
            }
        }
        assertTrue(checked > 80, "checked " + checked + " required fields");
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
        assertInvalid("WorkerScaled", sample("WorkerScaled").put("action", "PAUSED"));
        ObjectNode dispatched = sample("TaskDispatched");
        ((ObjectNode) dispatched.get("task").get("requirements")).put("capability", "fpga");
        assertInvalid("TaskDispatched", dispatched);
        ObjectNode progress = sample("JobProgress");
        ((ObjectNode) progress.get("progress").get("tasksByState")).put("SLEEPING", 1);
        assertInvalid("JobProgress", progress);
        assertInvalid("TaskStatusChanged", sample("TaskStatusChanged").put("state", "DONE"));
    }

    @Test
    void asyncApiDocumentsEveryTopicWithItsPartitionCount() {
        JsonNode channels = Schemas.asyncApi().get("channels");
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
        assertEquals("3.0.0", Schemas.asyncApi().get("asyncapi").asText());
    }

    @Test
    void asyncApiReferencesEverySchemaAndEveryEventType() throws IOException {
        String text = Files.readString(Schemas.ASYNCAPI);
        Matcher refs = Pattern.compile("\\./src/main/resources/schemas/([A-Za-z]+)\\.schema\\.json").matcher(text);
        Set<String> referenced = new HashSet<>();
        while (refs.find()) {
            referenced.add(refs.group(1));
        }
        assertEquals(Schemas.names(), new TreeSet<>(referenced), "schemas referenced by asyncapi.yaml");
        JsonNode messages = Schemas.asyncApi().at("/components/messages");
        for (Class<? extends TesseraEvent> type : EventTypes.ALL) {
            JsonNode message = messages.get(type.getSimpleName());
            assertNotNull(message, "asyncapi.yaml has no message " + type.getSimpleName());
            assertEquals(EventTypes.typeOf(type), message.at("/headers/allOf/1/properties/ce_type/const").asText());
            assertEquals("#/components/schemas/CloudEventsHeaders", message.at("/headers/allOf/0/$ref").asText());
        }
        List<String> required = new ArrayList<>();
        Schemas.asyncApi().at("/components/schemas/CloudEventsHeaders/required").forEach(n -> required.add(n.asText()));
        assertTrue(required.contains("ce_id"), "ce_id is a required header");
    }

    private static void assertInvalid(String name, JsonNode instance) {
        assertFalse(Schemas.validate(name, instance).isEmpty(), name + " accepted " + instance);
    }

    private static ObjectNode sample(String name) {
        return (ObjectNode) json(ContractSamples.samples().get(name));
    }

    private static ObjectNode farmStatus() {
        return sample("FarmStatus");
    }

    private static <T> List<T> iterate(Iterator<T> iterator) {
        List<T> items = new ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }
}
