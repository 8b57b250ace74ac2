package io.tessera.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskOutput;
import io.tessera.contracts.tasks.TaskPlanned;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    @Test
    void roundTripsAnEventThroughKafkaHeaders() {
        TaskPlanned planned = new TaskPlanned("job-1-t0000", "job-1", 0, 3, 1, 4,
                new Requirements(Capability.GPU, 4, null), 70, "{}", "/out/job-1");
        TaskDispatched dispatched = new TaskDispatched(planned, 2, Instant.parse("2026-11-28T10:00:00Z"));
        ProducerRecord<String, String> sent = EventEnvelope.of("job-1-t0000:2:dispatched", "/tessera/test", dispatched)
                .toRecord(Topics.TASKS_GPU, planned.taskId());

        ConsumerRecord<String, String> received = consumed(sent);
        EventEnvelope envelope = EventEnvelope.from(received);

        assertEquals("job-1-t0000:2:dispatched", envelope.id());
        assertEquals("io.tessera.TaskDispatched", envelope.type());
        assertEquals("job-1-t0000", envelope.subject());
        assertEquals(dispatched, envelope.event());
        assertEquals(Capability.GPU, envelope.event(TaskDispatched.class).task().requirements().capability());
    }

    @Test
    void capabilitySerialisesLowercaseAndRejectsUnknownNames() {
        TaskCompleted completed = new TaskCompleted("t", "j", 1, "cpu-1",
                List.of(new TaskOutput(1, "/a.attempt-1.png", "/a.png")), 12, Instant.EPOCH);
        assertTrue(EventEnvelope.of("x", "/s", completed).data().contains("\"stagedPath\":\"/a.attempt-1.png\""));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Capability.fromId("tpu"));
        assertEquals("must be one of [cpu, gpu], was 'tpu'", error.getMessage());
    }

    @Test
    void aRecordWithoutCeIdIsRejectedNamingTheHeader() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, "io.tessera.TaskStarted".getBytes());
        ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0,
                "k", "{}", headers, java.util.Optional.empty());
        InvalidEventException error = assertThrows(InvalidEventException.class, () -> EventEnvelope.from(record));
        assertEquals("ce_id: header is required (CloudEvents binary mode)", error.getMessage());
    }

    @Test
    void unknownTypesAreRejected() {
        EventEnvelope envelope = new EventEnvelope("1", "io.tessera.Nope", "/s", "x", null, "{}");
        assertThrows(InvalidEventException.class, envelope::event);
        assertTrue(EventTypes.classOf("io.tessera.Nope").isEmpty());
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> sent) {
        RecordHeaders headers = new RecordHeaders();
        sent.headers().forEach(headers::add);
        return new ConsumerRecord<>(sent.topic(), 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0, sent.key(),
                sent.value(), headers, java.util.Optional.empty());
    }
}
