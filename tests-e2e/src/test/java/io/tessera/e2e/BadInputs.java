package io.tessera.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.Topics;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed job requests, generated deterministically from a seed: REST bodies for {@code POST /api/v1/jobs} and
 * plain records for {@code farm.job-requests.v1} ({@link BadEvents} makes the CloudEvents records of the other topics). Every input is invalid by construction (a wrong type, a value
 * out of range, a required field misspelt, cut short, badly encoded, empty, of another media type or without its
 * CloudEvents headers), so the farm must reject each one: a 4xx problem over REST, a dead letter on Kafka.
 */
final class BadInputs {

    /** What is wrong with an input. */
    enum Kind {
        WRONG_TYPE, HUGE_VALUE, UNKNOWN_FIELDS, TRUNCATED, WRONG_ENCODING, EMPTY_BODY, WRONG_CONTENT_TYPE,
        MISSING_CE_HEADERS
    }

    /** A REST body; {@code field} is the field (or {@code body}) the problem must name. */
    record RestInput(Kind kind, String what, String contentType, byte[] body, String field) {
    }

    /** A record for {@code topic}; {@code headers} are the CloudEvents headers it carries (maybe none). */
    record KafkaInput(Kind kind, String what, String topic, String key, Map<String, String> headers, byte[] value) {
    }

    /** A megabyte string: huge, but a whole REST body holding it stays under the gateway's body limit. */
    static final int MEGABYTE = 1_000_000;
    /** The largest string that still fits a Kafka record (the broker's limit is about 1 MiB). */
    static final int KAFKA_HUGE = 900_000;

    private static final Kind[] BODY_KINDS = {Kind.WRONG_TYPE, Kind.HUGE_VALUE, Kind.UNKNOWN_FIELDS, Kind.TRUNCATED,
        Kind.WRONG_ENCODING, Kind.EMPTY_BODY, Kind.WRONG_CONTENT_TYPE};

    private final Random random;
    private final String baseJob;

    BadInputs(long seed) {
        this.random = new Random(seed);
        this.baseJob = JobsApi.demoJob("flood", "cpu", 1, 1, 1, 32, 18).put("studio", "flood").toString();
    }

    /** The generator's random source, shared with {@link BadEvents} so one seed fixes every input. */
    Random random() {
        return random;
    }

    /** {@code count} REST bodies, of every kind but missing CloudEvents headers (REST has none). */
    List<RestInput> rest(int count) {
        List<RestInput> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Kind kind = BODY_KINDS[i % BODY_KINDS.length];
            inputs.add(kind == Kind.WRONG_CONTENT_TYPE ? otherMediaType() : restBody(kind, job(null), MEGABYTE));
        }
        return inputs;
    }

    /** {@code count} plain JSON records for {@code farm.job-requests.v1} (no CloudEvents headers needed there). */
    List<KafkaInput> jobRequests(int count) {
        List<KafkaInput> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Kind kind = BODY_KINDS[i % BODY_KINDS.length];
            String requestId = "flood-" + i;
            RestInput body = kind == Kind.WRONG_CONTENT_TYPE ? otherMediaType()
                    : restBody(kind, job(requestId), KAFKA_HUGE);
            Map<String, String> headers = kind == Kind.WRONG_CONTENT_TYPE
                    ? Map.of("content-type", body.contentType()) : Map.of();
            inputs.add(new KafkaInput(kind, body.what(), Topics.JOB_REQUESTS, requestId, headers, body.body()));
        }
        return inputs;
    }

    private ObjectNode job(String requestId) {
        ObjectNode job = (ObjectNode) JobsApi.read(baseJob);
        if (requestId != null) {
            job.put("requestId", requestId);
        }
        return job;
    }

    private RestInput restBody(Kind kind, ObjectNode job, int hugeString) {
        return switch (kind) {
            case WRONG_TYPE -> wrongType(job);
            case HUGE_VALUE -> hugeValue(job, hugeString);
            case UNKNOWN_FIELDS -> misspelt(job);
            case TRUNCATED -> json(kind, "cut short", truncated(job.toString()), "body");
            case WRONG_ENCODING -> badlyEncoded(job.toString());
            case EMPTY_BODY -> empty();
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private RestInput wrongType(ObjectNode job) {
        String field;
        switch (random.nextInt(12)) {
            case 0 -> {
                field = "frames.start";
                ((ObjectNode) job.get("frames")).put("start", "one");
            }
            case 1 -> {
                field = "frames";
                job.put("frames", "1-48");
            }
            case 2 -> {
                field = "chunkSize";
                job.put("chunkSize", "4");
            }
            case 3 -> {
                field = "priority";
                job.put("priority", true);
            }
            case 4 -> {
                field = "name";
                job.put("name", 12345);
            }
            case 5 -> {
                field = "studio";
                job.putArray("studio").add("acme");
            }
            case 6 -> {
                field = "requirements";
                job.put("requirements", "gpu");
            }
            case 7 -> {
                field = "requirements.minCores";
                ((ObjectNode) job.get("requirements")).put("minCores", "four");
            }
            case 8 -> {
                field = "dependsOn";
                job.putObject("dependsOn").put("job", 1);
            }
            case 9 -> {
                field = "preview";
                job.put("preview", "yes");
            }
            case 10 -> {
                field = "scene";
                job.put("scene", 42);
            }
            default -> {
                field = "output";
                job.put("output", 17);
            }
        }
        return json(Kind.WRONG_TYPE, field + " of the wrong type", job.toString(), field);
    }

    private RestInput hugeValue(ObjectNode job, int hugeString) {
        String field;
        switch (random.nextInt(9)) {
            case 0 -> {
                field = "frames.end";
                ((ObjectNode) job.get("frames")).put("end", new BigInteger("9".repeat(40)));
            }
            case 1 -> {
                field = "chunkSize";
                job.put("chunkSize", 1e300);
            }
            case 2 -> {
                field = "priority";
                job.put("priority", 2_147_483_648L);
            }
            case 3 -> {
                field = "frames";
                ((ObjectNode) job.get("frames")).put("end", 50_000_000);
            }
            case 4 -> {
                field = "name";
                job.put("name", "n".repeat(hugeString));
            }
            case 5 -> {
                field = "studio";
                job.put("studio", "s".repeat(hugeString));
            }
            case 6 -> {
                field = "requestId";
                job.put("requestId", "r".repeat(hugeString));
            }
            case 7 -> {
                field = "scene";
                job.put("scene", "{".repeat(hugeString));
            }
            default -> {
                field = "output";
                job.put("output", "o".repeat(hugeString));
            }
        }
        return json(Kind.HUGE_VALUE, "a huge " + field, job.toString(), field);
    }

    private RestInput misspelt(ObjectNode job) {
        String[][] typos = {{"name", "Name"}, {"frames", "frame"}, {"studio", "studioId"}, {"scene", "scenes"}};
        String[] typo = typos[random.nextInt(typos.length)];
        job.set(typo[1], job.remove(typo[0]));
        job.put("colour", "blue").putObject("x-pipeline").put("shot", random.nextInt(1000));
        return json(Kind.UNKNOWN_FIELDS, "'" + typo[1] + "' instead of '" + typo[0] + "', unknown fields",
                job.toString(), typo[0]);
    }

    /** A proper prefix of {@code json}: never valid JSON. */
    String truncated(String json) {
        return json.substring(0, 1 + random.nextInt(json.length() - 1));
    }

    /** {@code json} in another encoding, or with bytes that are not UTF-8. */
    RestInput badlyEncoded(String json) {
        return switch (random.nextInt(4)) {
            case 0 -> new RestInput(Kind.WRONG_ENCODING, "UTF-16BE", "application/json",
                    json.getBytes(StandardCharsets.UTF_16BE), "body");
            case 1 -> new RestInput(Kind.WRONG_ENCODING, "UTF-16 with byte order mark", "application/json",
                    json.getBytes(StandardCharsets.UTF_16), "body");
            case 2 -> new RestInput(Kind.WRONG_ENCODING, "invalid UTF-8 byte for the opening brace",
                    "application/json", spliced(json, 0, 1, new byte[] {(byte) 0xFF}), "body");
            default -> {
                String name = "\"name\":\"";
                int at = json.indexOf(name) + name.length();
                yield new RestInput(Kind.WRONG_ENCODING, "invalid UTF-8 bytes inside the name", "application/json",
                        spliced(json, at, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0,
                            (byte) 0x80}), "body");
            }
        };
    }

    private RestInput empty() {
        String[] bodies = {"", "   ", "\n", "null", "[]"};
        String body = bodies[random.nextInt(bodies.length)];
        return json(Kind.EMPTY_BODY, "empty body '" + body.strip() + "'", body, "body");
    }

    /** A body of another media type than JSON. */
    RestInput otherMediaType() {
        return switch (random.nextInt(5)) {
            case 0 -> text("application/xml", "<job><name>flood</name><studio>flood</studio></job>");
            case 1 -> text("application/x-www-form-urlencoded", "name=flood&studio=flood&frames=1-4");
            case 2 -> text("text/plain", "render shot 010, frames 1 to 48, please");
            case 3 -> text("multipart/form-data; boundary=flood",
                    "--flood\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nflood\r\n--flood--\r\n");
            default -> {
                byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
                yield new RestInput(Kind.WRONG_CONTENT_TYPE, "image/png", "image/png", png, "body");
            }
        };
    }

    private static RestInput text(String contentType, String body) {
        return new RestInput(Kind.WRONG_CONTENT_TYPE, contentType, contentType,
                body.getBytes(StandardCharsets.UTF_8), "body");
    }

    private static RestInput json(Kind kind, String what, String body, String field) {
        return new RestInput(kind, what, "application/json", body.getBytes(StandardCharsets.UTF_8), field);
    }

    private static byte[] spliced(String json, int from, int to, byte[] bytes) {
        byte[] head = json.substring(0, from).getBytes(StandardCharsets.UTF_8);
        byte[] tail = json.substring(to).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bytes, 0, out, head.length, bytes.length);
        System.arraycopy(tail, 0, out, head.length + bytes.length, tail.length);
        return out;
    }
}
