package io.tessera.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.e2e.BadInputs.KafkaInput;
import io.tessera.e2e.BadInputs.Kind;
import io.tessera.e2e.BadInputs.RestInput;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed CloudEvents records for the topics the services consume, from the same seeded source as
 * {@link BadInputs}: each is of the event type every consumer of its topic reads, so each consumer group must
 * dead-letter it.
 */
final class BadEvents {

    private final BadInputs bodies;
    private final Random random;

    BadEvents(BadInputs bodies) {
        this.bodies = bodies;
        this.random = bodies.random();
    }

    /** {@code count} CloudEvents records for {@code topic}, of every kind. */
    List<KafkaInput> events(EventTopic topic, int count) {
        Kind[] kinds = Kind.values();
        List<KafkaInput> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inputs.add(event(topic, kinds[i % kinds.length], i));
        }
        return inputs;
    }

    private KafkaInput event(EventTopic topic, Kind kind, int i) {
        String key = "flood-" + i;
        ObjectNode event = topic.sample(key);
        Map<String, String> headers = ceHeaders(topic, key);
        String what;
        switch (kind) {
            case WRONG_TYPE -> {
                boolean id = random.nextBoolean();
                String field = id ? topic.idField() : topic.numberField();
                if (id && event.get(field).isObject()) {
                    event.put(field, "not-an-object");
                } else if (id) {
                    event.putObject(field).put("nested", true);
                } else {
                    event.put(field, "many");
                }
                what = field + " of the wrong type";
            }
            case HUGE_VALUE -> {
                if (random.nextBoolean()) {
                    event.put(topic.numberField(), new BigInteger("9".repeat(30)));
                    what = "huge " + topic.numberField();
                } else {
                    event.put(topic.numberField(), "9".repeat(BadInputs.KAFKA_HUGE));
                    what = "megabyte " + topic.numberField();
                }
            }
            case UNKNOWN_FIELDS -> {
                event.set(topic.idField() + "_v0", event.remove(topic.idField()));
                event.put("colour", "blue");
                what = "'" + topic.idField() + "_v0' instead of '" + topic.idField() + "', unknown fields";
            }
            case TRUNCATED -> {
                return kafka(kind, "cut short", topic, key, headers, bodies.truncated(event.toString()));
            }
            case WRONG_ENCODING -> {
                RestInput encoded = bodies.badlyEncoded(event.toString());
                while (encoded.what().contains("inside")) {
                    encoded = bodies.badlyEncoded(event.toString());
                }
                return new KafkaInput(kind, encoded.what(), topic.topicName(), key, headers, encoded.body());
            }
            case EMPTY_BODY -> {
                return random.nextBoolean()
                        ? new KafkaInput(kind, "null value (tombstone)", topic.topicName(), key, headers, null)
                        : kafka(kind, "empty value", topic, key, headers, "");
            }
            case WRONG_CONTENT_TYPE -> {
                RestInput other = bodies.otherMediaType();
                Map<String, String> withType = new LinkedHashMap<>(headers);
                withType.put("content-type", other.contentType());
                return new KafkaInput(kind, other.what(), topic.topicName(), key, withType, other.body());
            }
            default -> {
                Map<String, String> broken = new LinkedHashMap<>(headers);
                switch (random.nextInt(4)) {
                    case 0 -> {
                        broken.remove("ce_id");
                        what = "no ce_id";
                    }
                    case 1 -> {
                        broken.remove("ce_type");
                        what = "no ce_type";
                    }
                    case 2 -> {
                        broken.put("ce_id", " ");
                        what = "blank ce_id";
                    }
                    default -> {
                        broken.clear();
                        what = "no CloudEvents headers at all";
                    }
                }
                return kafka(kind, what, topic, key, broken, event.toString());
            }
        }
        return kafka(kind, what, topic, key, headers, event.toString());
    }

    private static KafkaInput kafka(Kind kind, String what, EventTopic topic, String key, Map<String, String> headers,
                                    String value) {
        return new KafkaInput(kind, what, topic.topicName(), key, headers, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> ceHeaders(EventTopic topic, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", topic.topicName() + "-" + key);
        headers.put("ce_type", topic.type());
        headers.put("ce_source", "/e2e/flood");
        headers.put("ce_time", "2026-01-01T00:00:00Z");
        headers.put("content-type", "application/json");
        return headers;
    }
}
