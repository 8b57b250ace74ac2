package io.tessera.farm.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void replayKeepsKeyValueAndCloudEventsHeadersAndDropsTheDeadLetterAnnotations() {
        DeadLetter deadLetter = deadLetter("farm.jobs.v1.dlq", headers(
                "ce_id", "evt-1", "ce_type", "io.tessera.JobSubmitted", "content-type", "application/json",
                "dead-letter-exception-class-name", "java.lang.IllegalStateException",
                "dead-letter-reason", "jobId: must not be blank",
                "dead-letter-cause-class-name", "java.lang.RuntimeException", "dead-letter-cause", "boom",
                "dead-letter-topic", "farm.jobs.v1", "dead-letter-partition", "2", "dead-letter-offset", "17",
                "tessera-replayed-from", "farm.jobs.v1.dlq:0:1"));

        ProducerRecord<String, String> replay = deadLetter.replayRecord(3);

        assertEquals("farm.jobs.v1", replay.topic());
        assertEquals(2, replay.partition());
        assertEquals("job-1", replay.key());
        assertEquals("{\"jobId\":\"job-1\"}", replay.value());
        assertEquals(List.of("ce_id=evt-1", "ce_type=io.tessera.JobSubmitted", "content-type=application/json",
                "tessera-replayed-from=farm.jobs.v1.dlq:0:7"), texts(replay.headers()));
        assertEquals("jobId: must not be blank (cause: boom)", deadLetter.reason());
    }

    @Test
    void withoutSmallRyeHeadersTheTopicComesFromTheNameAndTheReasonFromTheServicesOwnHeader() {
        DeadLetter deadLetter = deadLetter("farm.tasks.cpu.v1.dlq", headers(
                "ce_id", "evt-2", "tessera-reject-reason", "attempt: must be at least 1"));

        ProducerRecord<String, String> replay = deadLetter.replayRecord(12);

        assertEquals("farm.tasks.cpu.v1", deadLetter.originalTopic());
        assertNull(deadLetter.originalPartition());
        assertNull(replay.partition(), "no partition known: the key decides");
        assertEquals("attempt: must be at least 1", deadLetter.reason());
        assertEquals(List.of("ce_id=evt-2", "tessera-replayed-from=farm.tasks.cpu.v1.dlq:0:7"),
                texts(replay.headers()));
    }

    @Test
    void aPartitionTheTopicNoLongerHasIsLeftToTheKey() {
        DeadLetter deadLetter = deadLetter("farm.jobs.v1.dlq", headers("dead-letter-partition", "5"));

        assertNull(deadLetter.replayRecord(3).partition());
    }

    private static DeadLetter deadLetter(String topic, RecordHeaders headers) {
        return new DeadLetter(topic, 0, 7, Instant.EPOCH, "job-1", "{\"jobId\":\"job-1\"}", headers);
    }

    private static RecordHeaders headers(String... namesAndValues) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(new RecordHeader(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }

    private static List<String> texts(Iterable<Header> headers) {
        return java.util.stream.StreamSupport.stream(headers.spliterator(), false)
                .map(h -> h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8)).toList();
    }
}
