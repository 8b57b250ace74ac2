package io.tessera.farm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Topics;
import io.tessera.farm.process.PidFile;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./farm dlq} against the real broker of {@link RealInfrastructure}: dead letters shaped the way SmallRye's
 * dead-letter-queue failure strategy writes them, listed, replayed, and replayed again.
 * Each test owns one dead-letter topic (nothing else in this JVM writes to them).
 */
class DlqCommandTest {

    private static final String LONG_VALUE = "{\"jobId\":\"job-list-1\",\"tasks\":[" + "{\"taskId\":\"t\"},".repeat(20)
            + "{\"taskId\":\"t\"}]}";

    @TempDir
    Path repoRoot;

    @Test
    void listShowsEveryDeadLetterTopicWithItsCountAndOneLinePerDeadLetter() {
        String dlq = Topics.dlq(Topics.TASKS_PLANNED);
        KafkaTestClient.produce(deadLetter(dlq, "job-list-1", LONG_VALUE, List.of(
                "ce_id", "list-evt-1", "ce_type", "io.tessera.TaskPlanned", "ce_source", "/tessera/segmentation",
                "dead-letter-exception-class-name", "io.tessera.contracts.envelope.InvalidEventException",
                "dead-letter-reason", "taskId: must not be blank\nsecond line",
                "dead-letter-cause", "boom",
                "dead-letter-topic", Topics.TASKS_PLANNED, "dead-letter-partition", "1",
                "dead-letter-offset", "42")));
        KafkaTestClient.produce(deadLetter(dlq, null, "not json", List.of(
                "tessera-reject-reason", "record value: must hold the event data as JSON")));
        Map<String, ConsumerRecord<String, String>> stored = byValue(KafkaTestClient.readAll(dlq));

        Output list = run("list", Topics.TASKS_PLANNED);

        assertEquals(0, list.exit(), list.err());
        ConsumerRecord<String, String> first = stored.get(LONG_VALUE);
        ConsumerRecord<String, String> second = stored.get("not json");
        assertEquals(List.of(
                "offset=" + first.offset() + " time=" + Instant.ofEpochMilli(first.timestamp())
                        + " from=farm.tasks.planned.v1:1:42 key=job-list-1 ce_id=list-evt-1"
                        + " ce_type=io.tessera.TaskPlanned replayed=no"
                        + " reason=\"taskId: must not be blank\\nsecond line (cause: boom)\""
                        + " value=" + LONG_VALUE.substring(0, 80) + "...(" + LONG_VALUE.length() + " chars)",
                "offset=" + second.offset() + " time=" + Instant.ofEpochMilli(second.timestamp())
                        + " from=farm.tasks.planned.v1 replayed=no"
                        + " reason=\"record value: must hold the event data as JSON\" value=not json",
                "farm.tasks.planned.v1.dlq: 2 dead letters, 2 not replayed."), list.lines());

        Output sameByDlqName = run("list", dlq);
        assertEquals(list.lines(), sameByDlqName.lines(), "farm.x.v1 and farm.x.v1.dlq name the same topic");

        Output counts = run("list");
        assertEquals(0, counts.exit(), counts.err());
        assertTrue(counts.lines().get(0).matches("dead-letter topic +dead letters  not replayed"), counts.out());
        assertTrue(counts.lines().stream().anyMatch(l -> l.matches(dlq.replace(".", "\\.") + " +2  2")),
                counts.out());
        Set<String> listed = counts.lines().stream().skip(1).map(l -> l.split(" +")[0]).collect(Collectors.toSet());
        Topics.ALL.stream().map(Topics.TopicSpec::name).filter(n -> n.endsWith(".dlq"))
                .forEach(n -> assertTrue(listed.contains(n), n + " missing from\n" + counts.out()));
    }

    @Test
    void replayRepublishesToTheOriginalTopicOnceAndMarksWhatItReplayed() {
        String dlq = Topics.dlq(Topics.JOBS);
        List<String> ce = List.of("ce_specversion", "1.0", "ce_type", "io.tessera.JobSubmitted",
                "ce_source", "/tessera/submission", "content-type", "application/json");
        KafkaTestClient.produce(deadLetter(dlq, "job-r1", "{\"jobId\":\"job-r1\"}", concat(List.of("ce_id", "replay-1"),
                ce, smallRye(Topics.JOBS, 2, 10, "segmentation failed"))));
        KafkaTestClient.produce(deadLetter(dlq, "job-r2", "{\"jobId\":\"job-r2\"}", concat(List.of("ce_id", "replay-2"),
                ce, smallRye(Topics.JOBS, 1, 11, "frames: end before start"))));
        // the same event, dead-lettered by a second consumer of farm.jobs.v1
        KafkaTestClient.produce(deadLetter(dlq, "job-r2", "{\"jobId\":\"job-r2\"}", concat(List.of("ce_id", "replay-2"),
                ce, smallRye(Topics.JOBS, 1, 11, "unknown job"))));
        KafkaTestClient.produce(deadLetter(dlq, "job-r3", "{\"jobId\":\"job-r3\"}", concat(List.of("ce_id", "replay-3"),
                ce, smallRye(Topics.JOBS, 0, 12, "database down"))));
        Map<String, Long> dlqOffsets = new HashMap<>();
        for (ConsumerRecord<String, String> r : KafkaTestClient.readAll(dlq)) {
            dlqOffsets.putIfAbsent(KafkaTestClient.header(r, "ce_id"), r.offset());
        }

        Output one = run("replay", Topics.JOBS, "--id", "replay-1");
        assertEquals(0, one.exit(), one.err());
        assertEquals("Replayed 1 dead letter of farm.jobs.v1.dlq to farm.jobs.v1; skipped 0 already replayed.",
                last(one));

        Output rest = run("replay", dlq);
        assertEquals(0, rest.exit(), rest.err());
        assertEquals("Replayed 2 dead letters of farm.jobs.v1.dlq to farm.jobs.v1; skipped 1 already replayed;"
                + " marked 1 with the ce_id of one replayed now as replayed.", last(rest));

        List<ConsumerRecord<String, String>> replayed = replays();
        assertEquals(3, replayed.size(), replayed::toString);
        for (String id : List.of("replay-1", "replay-2", "replay-3")) {
            ConsumerRecord<String, String> record = replayed.stream()
                    .filter(r -> id.equals(KafkaTestClient.header(r, "ce_id"))).findFirst().orElseThrow();
            String job = "job-r" + id.substring(id.length() - 1);
            assertEquals(job, record.key());
            assertEquals("{\"jobId\":\"" + job + "\"}", record.value());
            assertEquals(Map.of("replay-1", 2, "replay-2", 1, "replay-3", 0).get(id), record.partition(),
                    "back on the partition it failed on");
            assertEquals(List.of("ce_specversion=1.0", "ce_type=io.tessera.JobSubmitted",
                    "ce_source=/tessera/submission", "content-type=application/json", "ce_id=" + id,
                    "tessera-replayed-from=" + dlq + ":0:" + dlqOffsets.get(id)).stream().sorted().toList(),
                    texts(record).stream().sorted().toList());
        }

        Output again = run("replay", Topics.JOBS, "--all");
        assertEquals(0, again.exit(), again.err());
        assertEquals("Replayed 0 dead letters of farm.jobs.v1.dlq; skipped 4 already replayed.", last(again));
        Output againById = run("replay", Topics.JOBS, "--id", "replay-1");
        assertEquals("Replayed 0 dead letters of farm.jobs.v1.dlq; skipped 1 already replayed.", last(againById));
        assertEquals(3, KafkaTestClient.read(Topics.JOBS, DlqCommandTest::isReplay, 4, Duration.ofSeconds(3)).size(),
                "the second replay republished nothing");

        Output list = run("list", dlq);
        assertEquals(4, list.lines().stream().filter(l -> l.contains(" replayed=yes ")).count(), list.out());
        assertEquals("farm.jobs.v1.dlq: 4 dead letters, 0 not replayed.", last(list));
    }

    @Test
    void unknownTopicsAndIdsAreNamedWithWhatExists() {
        Output unknown = run("list", "farm.nope.v1");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("topic 'farm.nope.v1': no dead-letter topic 'farm.nope.v1.dlq'"
                + " on the broker; the dead-letter topics are: "), unknown.err());
        assertTrue(unknown.err().contains(Topics.dlq(Topics.JOB_REQUESTS)), unknown.err());

        Output noDlq = run("replay", Topics.PROVISIONING);
        assertEquals(1, noDlq.exit());
        assertTrue(noDlq.err().contains("topic 'farm.provisioning.v1': no dead-letter topic"), noDlq.err());

        Output noSuchId = run("replay", Topics.WORKERS, "--id", "no-such-event");
        assertEquals(1, noSuchId.exit());
        assertTrue(noSuchId.err().contains(
                "--id 'no-such-event': no dead letter on farm.workers.v1.dlq has that ce_id"), noSuchId.err());

        Output usage = run("replay");
        assertEquals(2, usage.exit());
        assertTrue(usage.err().startsWith("farm dlq: replay: needs exactly one topic, got none"), usage.err());
    }

    @Test
    void withoutARunningFarmItSaysSoAndHowToStartOne() throws Exception {
        Output none = Output.of(repoRoot, List.of("dlq", "list"));
        assertEquals(1, none.exit());
        assertTrue(none.err().startsWith("farm dlq: no farm is running from " + repoRoot), none.err());
        assertTrue(none.err().contains("./farm up"), none.err());

        new PidFile(repoRoot.resolve(".farm/pids")).write(List.of(new PidFile.Entry("kafka", 999_999_999L, 1)));
        Output gone = Output.of(repoRoot, List.of("dlq", "list"));
        assertEquals(1, gone.exit());
        assertTrue(gone.err().contains("lists a Kafka broker that is gone"), gone.err());
    }

    @Test
    void findsTheBrokerOfTheFarmRunningFromTheCheckout() throws Exception {
        String bootstrap = RealInfrastructure.shared().bootstrapServers();
        new PidFile(repoRoot.resolve(".farm/pids")).write(List.of(
                PidFile.Entry.of("farm", ProcessHandle.current()),
                PidFile.Entry.of("kafka", RealInfrastructure.shared().kafka().process())));
        Files.createDirectories(repoRoot.resolve(".farm/kafka"));
        Files.writeString(repoRoot.resolve(".farm/kafka/server.properties"),
                "listeners=PLAINTEXT://" + bootstrap + ",CONTROLLER://127.0.0.1:1\n"
                        + "advertised.listeners=PLAINTEXT://" + bootstrap + "\n");

        Output list = Output.of(repoRoot, List.of("dlq", "list"));

        assertEquals(0, list.exit(), list.err());
        assertTrue(list.lines().stream().anyMatch(l -> l.startsWith(Topics.dlq(Topics.JOB_REQUESTS) + " ")),
                list.out());
    }

    private Output run(String... args) {
        List<String> all = new ArrayList<>(List.of("dlq", "--bootstrap-server",
                RealInfrastructure.shared().bootstrapServers()));
        all.addAll(List.of(args));
        return Output.of(repoRoot, all);
    }

    /** What {@code ./farm <args>} printed and returned. */
    private record Output(int exit, String out, String err) {

        /** Runs {@code ./farm <args>} ({@code args} start with {@code dlq}) from {@code repoRoot}. */
        static Output of(Path repoRoot, List<String> args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new DlqCommand(repoRoot, args.subList(1, args.size()),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run();
            return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static String last(Output output) {
        List<String> lines = output.lines();
        return lines.isEmpty() ? "(no output; stderr: " + output.err() + ")" : lines.get(lines.size() - 1);
    }

    private static List<ConsumerRecord<String, String>> replays() {
        return KafkaTestClient.readAll(Topics.JOBS).stream().filter(DlqCommandTest::isReplay).toList();
    }

    private static boolean isReplay(ConsumerRecord<String, String> record) {
        String from = KafkaTestClient.header(record, "tessera-replayed-from");
        return from != null && from.startsWith(Topics.dlq(Topics.JOBS) + ":");
    }

    private static List<String> smallRye(String topic, int partition, long offset, String reason) {
        return List.of("dead-letter-exception-class-name", "java.lang.IllegalStateException",
                "dead-letter-reason", reason, "dead-letter-topic", topic,
                "dead-letter-partition", String.valueOf(partition), "dead-letter-offset", String.valueOf(offset));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static ProducerRecord<String, String> deadLetter(String dlq, String key, String value,
                                                             List<String> namesAndValues) {
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            headers.add(new RecordHeader(namesAndValues.get(i),
                    namesAndValues.get(i + 1).getBytes(StandardCharsets.UTF_8)));
        }
        return new ProducerRecord<>(dlq, null, key, value, headers);
    }

    private static Map<String, ConsumerRecord<String, String>> byValue(List<ConsumerRecord<String, String>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::value, r -> r, (a, b) -> a));
    }

    private static List<String> texts(ConsumerRecord<String, String> record) {
        List<String> texts = new ArrayList<>();
        record.headers().forEach(h -> texts.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8)));
        return texts;
    }
}
