package io.tessera.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * asyncapi.yaml tells one consistent story: every producer and consumer a channel names has its send or receive
 * operation (and no other service has one), a dead-letter channel is written by exactly the consumers of its topic
 * (external readers such as dashboards write none), and the task flow of the segmentation strategies (monitoring →
 * farm.tasks.ready.v1 → assignment → a partition of the chosen worker) is the documented one.
 */
class AsyncApiFlowTest {

    private static final JsonNode API = Schemas.asyncApi();
    private static final String DLQ_SUFFIX = "Dlq";
    /** Readers outside the farm's services: they write no dead letters. */
    private static final Set<String> EXTERNAL_READERS = Set.of("dashboards");

    @Test
    void producersAndConsumersOfEveryChannelHaveExactlyTheirOperations() {
        for (Map.Entry<String, JsonNode> channel : fields(API.get("channels"))) {
            String key = channel.getKey();
            Set<String> expected = new TreeSet<>();
            if (key.endsWith(DLQ_SUFFIX)) {
                expected.add("deadLetter.send." + key);
            } else {
                names(channel.getValue().get("x-producers")).forEach(p -> expected.add(p + ".send." + key));
                names(channel.getValue().get("x-consumers")).forEach(c -> expected.add(c + ".receive." + key));
            }
            Set<String> actual = new TreeSet<>();
            for (Map.Entry<String, JsonNode> operation : fields(API.get("operations"))) {
                if (operation.getValue().at("/channel/$ref").asText().equals("#/channels/" + key)) {
                    actual.add(operation.getKey());
                    String action = operation.getKey().split("\\.")[1];
                    assertEquals(action, operation.getValue().get("action").asText(), operation.getKey());
                }
            }
            assertEquals(expected, actual, "operations of channel " + key);
        }
    }

    @Test
    void deadLettersAreWrittenByTheConsumersOfTheirTopic() {
        JsonNode channels = API.get("channels");
        for (Map.Entry<String, JsonNode> channel : fields(channels)) {
            if (!channel.getKey().endsWith(DLQ_SUFFIX)) {
                continue;
            }
            JsonNode topic = channels.get(channel.getKey().substring(0, channel.getKey().length() - 3));
            assertNotNull(topic, "the topic of " + channel.getKey());
            assertEquals(Topics.dlq(topic.get("address").asText()), channel.getValue().get("address").asText());
            Set<String> writers = new TreeSet<>(names(topic.get("x-consumers")));
            writers.removeAll(EXTERNAL_READERS);
            assertEquals(writers, new TreeSet<>(names(channel.getValue().get("x-producers"))), channel.getKey());
            Set<String> deadLetters = new TreeSet<>();
            topic.get("messages").fieldNames().forEachRemaining(m -> deadLetters.add(m + "DeadLetter"));
            Set<String> messages = new TreeSet<>();
            channel.getValue().get("messages").fieldNames().forEachRemaining(messages::add);
            assertEquals(deadLetters, messages, channel.getKey());
        }
    }

    @Test
    void monitoringAnnouncesReadyTasksToAssignment() {
        JsonNode ready = channel(Topics.TASKS_READY);
        assertEquals("jobId", ready.get("x-key").asText());
        assertEquals(List.of("monitoring"), names(ready.get("x-producers")));
        assertEquals(List.of("assignment"), names(ready.get("x-consumers")));
        assertTrue(ready.get("description").asText().contains("outbox"), "TaskReady is written through the outbox");
        assertTrue(ready.has("messages") && ready.get("messages").has("TaskReady"));
        JsonNode message = API.at("/components/messages/TaskReady");
        assertEquals("ce_id: task:{taskId}:{attempt}:ready",
                message.at("/headers/allOf/1/properties/ce_id/description").asText());
        assertEquals("jobId", message.at("/bindings/kafka/key/description").asText());
        assertEquals(List.of("assignment"), names(channel(Topics.dlq(Topics.TASKS_READY)).get("x-producers")));
    }

    @Test
    void onlyAssignmentDispatchesAndItNoLongerReadsPlannedTasks() {
        for (Capability capability : Capability.values()) {
            JsonNode tasks = channel(Topics.tasksFor(capability));
            assertEquals(List.of("assignment"), names(tasks.get("x-producers")), capability.id());
            assertEquals(List.of("worker"), names(tasks.get("x-consumers")), capability.id());
            assertTrue(tasks.get("description").asText().contains("partition"), "dispatch to the worker's partition");
        }
        List<String> plannedConsumers = names(channel(Topics.TASKS_PLANNED).get("x-consumers"));
        assertTrue(plannedConsumers.contains("monitoring"), plannedConsumers.toString());
        assertFalse(plannedConsumers.contains("assignment"), "assignment reads farm.tasks.ready.v1 instead");
        assertTrue(names(channel(Topics.TASK_EVENTS).get("x-consumers")).contains("assignment"),
                "assignment learns starts and finishes for each worker's free capacity");
        String heartbeats = channel(Topics.WORKERS).get("description").asText();
        assertTrue(heartbeats.contains("score") && heartbeats.contains("partitions"), heartbeats);
    }

    private static JsonNode channel(String address) {
        for (JsonNode channel : API.get("channels")) {
            if (channel.get("address").asText().equals(address)) {
                return channel;
            }
        }
        throw new AssertionError("asyncapi.yaml has no channel " + address);
    }

    private static List<String> names(JsonNode array) {
        assertNotNull(array, "a list of services");
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> iterator = node.fields();
        iterator.forEachRemaining(fields::add);
        return fields;
    }
}
