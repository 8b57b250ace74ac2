package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.Topics;
import io.tessera.e2e.BadInputs.KafkaInput;
import io.tessera.e2e.BadInputs.Kind;
import io.tessera.e2e.BadInputs.RestInput;
import io.tessera.farm.process.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * (e) A flood of 1,000 malformed inputs, the same every run (fixed seed): REST bodies for the job endpoint and
 * records for every topic a service consumes. Every REST answer is a 4xx problem naming a field or the body;
 * every record lands on its topic's dead-letter topic with a reason, once per consumer group that reads it; no
 * consumer is left behind; and afterwards jobs submitted over REST and over Kafka still render.
 */
@ExtendWith(E2eFarm.class)
class BadInputFloodTest {

    private static final long SEED = 20_261_202L;
    private static final int REST_INPUTS = 500;
    private static final int JOB_REQUEST_RECORDS = 185;
    private static final int RECORDS_PER_EVENT_TOPIC = 35;

    @Test
    void aThousandMalformedInputsAreRejectedAndTheFarmKeepsWorking() throws Exception {
        String bootstrap = E2eFarm.farm().bootstrapServers();
        BadInputs inputs = new BadInputs(SEED);
        List<RestInput> rest = inputs.rest(REST_INPUTS);
        List<KafkaInput> records = new ArrayList<>(inputs.jobRequests(JOB_REQUEST_RECORDS));
        BadEvents events = new BadEvents(inputs);
        for (EventTopic topic : EventTopic.values()) {
            records.addAll(events.events(topic, RECORDS_PER_EVENT_TOPIC));
        }
        assertEquals(1_000, rest.size() + records.size());

        List<RecordMetadata> landed = TopicReader.produceAll(bootstrap, records.stream().map(
                BadInputFloodTest::toRecord).toList());
        RestOutcome restOutcome = submitAll(rest);

        List<String> topics = records.stream().map(KafkaInput::topic).distinct().toList();
        try (FarmAdmin admin = new FarmAdmin(bootstrap)) {
            admin.awaitCaughtUp(topics, Duration.ofMinutes(3));
            Map<String, Set<String>> groups = admin.liveGroupsByTopic();
            DeadLetterCount deadLetters = new DeadLetterCount(records, landed, groups);
            TopicReader.readAll(bootstrap, topics.stream().map(Topics::dlq).toList(), deadLetters::add,
                    deadLetters::complete, Duration.ofSeconds(60));

            printSummary(rest, records, restOutcome, deadLetters, groups);
            assertAll(
                    () -> assertEquals(0, restOutcome.serverErrors(), "5xx answers: " + restOutcome.failures()),
                    () -> assertTrue(restOutcome.failures().isEmpty(), "REST inputs not rejected properly:\n"
                            + String.join("\n", restOutcome.failures())),
                    () -> assertTrue(deadLetters.missing().isEmpty(), "records not dead-lettered once per consumer "
                            + "group:\n" + String.join("\n", deadLetters.missing())),
                    () -> assertTrue(deadLetters.withoutReason().isEmpty(), "dead letters without a "
                            + "dead-letter-reason: " + deadLetters.withoutReason()));
        }

        validJobsStillRender(bootstrap);
        servicesStillAlive();
    }

    private static ProducerRecord<String, byte[]> toRecord(KafkaInput input) {
        RecordHeaders headers = new RecordHeaders();
        input.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(input.topic(), null, input.key(), input.value(), headers);
    }

    private static RestOutcome submitAll(List<RestInput> inputs) {
        JobsApi api = E2eFarm.api();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (RestInput input : inputs) {
            JobsApi.Response response = api.submitBytes(input.contentType(), input.body());
            statuses.merge(response.status(), 1, Integer::sum);
            String problem = problemFailure(input, response);
            if (problem != null) {
                failures.add(input.kind() + " (" + input.what() + "): " + problem);
            }
        }
        return new RestOutcome(statuses, failures);
    }

    /** Why {@code response} is not a 4xx problem naming the input's field or the body; null when it is. */
    private static String problemFailure(RestInput input, JobsApi.Response response) {
        String answer = response.status() + " " + abbreviated(response.body());
        if (response.status() < 400 || response.status() >= 500) {
            return "answered " + answer;
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "answered " + response.contentType() + ": " + answer;
        }
        JsonNode problem = response.json();
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asText();
            boolean named = field.startsWith(input.field()) || field.equals("body");
            if (named && !error.path("rule").asText().isBlank()) {
                return null;
            }
        }
        return "no error names '" + input.field() + "' or the body with a rule: " + answer;
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static void validJobsStillRender(String bootstrap) throws Exception {
        JobsApi api = E2eFarm.api();
        ObjectNode overRest = JobsApi.demoJob("after-flood-rest", "cpu", 1, 4, 2, 64, 36);
        JobsApi.Response created = api.submit(overRest);
        assertEquals(201, created.status(), created.body());
        String restJob = created.json().path("jobId").asText();

        String requestId = "after-flood-" + UUID.randomUUID();
        ObjectNode overKafka = JobsApi.demoJob("after-flood-kafka", "cpu", 1, 4, 2, 64, 36);
        overKafka.put("requestId", requestId);
        TopicReader.produce(bootstrap, Topics.JOB_REQUESTS, requestId, overKafka.toString());
        String kafkaJob = api.awaitRequest(requestId);

        for (String jobId : List.of(restJob, kafkaJob)) {
            JsonNode job = api.awaitTerminal(jobId, Duration.ofMinutes(2));
            assertEquals("COMPLETED", job.path("state").asText(), job.toString());
            RenderedFrames.assertComplete(Path.of(job.path("outputDir").asText()), 1, 4, 64, 36);
        }
    }

    private static void servicesStillAlive() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (ServiceProcess process : E2eFarm.farm().processes()) {
            assertTrue(process.isAlive(), process.name() + " died during the flood");
            URI live = process.baseUrl().resolve("/q/health/live");
            int status = http.send(HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertTrue(status == 200 || status == 404, process.name() + " is not live: " + status);
        }
    }

    private static void printSummary(List<RestInput> rest, List<KafkaInput> records, RestOutcome restOutcome,
                                     DeadLetterCount deadLetters, Map<String, Set<String>> groups) {
        Map<Kind, int[]> byKind = new TreeMap<>();
        rest.forEach(input -> byKind.computeIfAbsent(input.kind(), k -> new int[2])[0]++);
        records.forEach(input -> byKind.computeIfAbsent(input.kind(), k -> new int[2])[1]++);
        StringBuilder out = new StringBuilder("\n=== bad-input flood (seed ").append(SEED).append(") ===\n");
        out.append(String.format("%-20s %6s %6s%n", "kind", "REST", "Kafka"));
        byKind.forEach((kind, n) -> out.append(String.format("%-20s %6d %6d%n", kind, n[0], n[1])));
        out.append("REST statuses: ").append(restOutcome.statuses()).append('\n');
        out.append(String.format("%-28s %8s %7s %13s  %s%n", "topic", "records", "groups", "dead letters",
                "consumer groups"));
        deadLetters.byTopic().forEach((topic, counts) -> out.append(String.format("%-28s %8d %7d %13d  %s%n",
                topic, counts[0], groups.getOrDefault(topic, Set.of()).size(), counts[1],
                groups.getOrDefault(topic, Set.of()))));
        System.out.println(out);
    }

    /** The REST answers: how many of each status, and the inputs not rejected as they should be. */
    private record RestOutcome(Map<Integer, Integer> statuses, List<String> failures) {
        long serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** Dead letters of the flood's records, matched by the origin their dead-letter headers name. */
    private static final class DeadLetterCount {

        private final Map<String, KafkaInput> inputs = new TreeMap<>();
        private final Map<String, Integer> expected = new TreeMap<>();
        private final Map<String, Integer> seen = new TreeMap<>();
        private final List<String> withoutReason = new ArrayList<>();
        private int outstanding;

        DeadLetterCount(List<KafkaInput> records, List<RecordMetadata> landed, Map<String, Set<String>> groups) {
            for (int i = 0; i < records.size(); i++) {
                RecordMetadata where = landed.get(i);
                String origin = where.topic() + "-" + where.partition() + "@" + where.offset();
                int readers = groups.getOrDefault(where.topic(), Set.of()).size();
                inputs.put(origin, records.get(i));
                expected.put(origin, readers);
                outstanding += readers;
            }
        }

        void add(ConsumerRecord<String, byte[]> letter) {
            String origin = TopicReader.header(letter, "dead-letter-topic") + "-"
                    + TopicReader.header(letter, "dead-letter-partition") + "@"
                    + TopicReader.header(letter, "dead-letter-offset");
            if (!inputs.containsKey(origin)) {
                return;
            }
            String reason = TopicReader.header(letter, "dead-letter-reason");
            if (reason == null || reason.isBlank()) {
                withoutReason.add(origin);
            }
            if (seen.merge(origin, 1, Integer::sum) <= expected.get(origin)) {
                outstanding--;
            }
        }

        boolean complete() {
            return outstanding == 0;
        }

        List<String> missing() {
            List<String> missing = new ArrayList<>();
            expected.forEach((origin, count) -> {
                int got = seen.getOrDefault(origin, 0);
                if (got != count) {
                    KafkaInput input = inputs.get(origin);
                    missing.add(origin + " " + input.kind() + " (" + input.what() + "): " + got + " dead letters, "
                            + count + " consumer groups");
                }
            });
            return missing;
        }

        List<String> withoutReason() {
            return withoutReason;
        }

        /** Per topic: records sent and dead letters seen. */
        Map<String, int[]> byTopic() {
            Map<String, int[]> byTopic = new TreeMap<>();
            inputs.forEach((origin, input) -> {
                int[] counts = byTopic.computeIfAbsent(input.topic(), t -> new int[2]);
                counts[0]++;
                counts[1] += seen.getOrDefault(origin, 0);
            });
            return byTopic;
        }
    }
}
