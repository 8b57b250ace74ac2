package io.tessera.contracts;

import static io.tessera.contracts.Schemas.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobResumed;
import io.tessera.contracts.jobs.JobRetryRequested;
import io.tessera.contracts.jobs.JobSuspended;
import io.tessera.contracts.status.JobProgress;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Suspend, resume and retry-failed: their events travel on farm.jobs.v1 with a per-job sequence, SUSPENDED is a
 * non-terminal job state, and JobProgress says which lifecycle command it reflects (absent in old records: 0).
 */
class JobLifecycleContractTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void suspendedIsNotTerminal() {
        assertFalse(JobState.SUSPENDED.terminal());
        assertTrue(JobState.FAILED.terminal());
    }

    @Test
    void lifecycleEventsRoundTripThroughTheEnvelope() {
        for (var event : new io.tessera.contracts.envelope.TesseraEvent[] {
                new JobSuspended("job-1", 1, "suspended by user", AT), new JobResumed("job-1", 2, AT),
                new JobRetryRequested("job-1", 3, AT)}) {
            EventEnvelope sent = EventEnvelope.of("id-" + event.getClass().getSimpleName(), "/tessera/submission", event);
            ProducerRecord<String, String> record = sent.toRecord(Topics.JOBS, "job-1");
            ConsumerRecord<String, String> consumed = new ConsumerRecord<>(Topics.JOBS, 0, 0L, 0L,
                    TimestampType.CREATE_TIME, 0, 0, "job-1", record.value(), new RecordHeaders(record.headers()),
                    Optional.empty());
            EventEnvelope received = EventEnvelope.from(consumed);
            assertEquals(EventTypes.typeOf(event.getClass()), received.type());
            assertEquals(event, received.event());
            assertEquals("job-1", received.subject());
        }
    }

    @Test
    void aSequenceBelowOneOrAMissingJobIdIsInvalid() {
        ObjectNode suspended = (ObjectNode) json(new JobSuspended("job-1", 1, null, AT));
        assertTrue(Schemas.validate("JobSuspended", suspended).isEmpty());
        assertFalse(Schemas.validate("JobSuspended", suspended.deepCopy().put("sequence", 0)).isEmpty());
        assertFalse(Schemas.validate("JobResumed", ((ObjectNode) json(new JobResumed("job-1", 2, AT)))
                .put("jobId", "")).isEmpty());
        assertFalse(Schemas.validate("JobRetryRequested", ((ObjectNode) json(new JobRetryRequested("job-1", 2, AT)))
                .put("sequence", "2")).isEmpty());
    }

    @Test
    void aJobProgressWithoutLifecycleSequenceReadsAsZeroAndStillValidates() {
        ObjectNode old = (ObjectNode) json(ContractSamples.samples().get("JobProgress"));
        assertEquals(2, old.get("lifecycleSequence").asLong());
        old.remove("lifecycleSequence");
        assertEquals(0, Json.read(old.toString(), JobProgress.class).lifecycleSequence());
        assertTrue(Schemas.validate("JobProgress", old).isEmpty(), "an old record still validates");
        assertFalse(Schemas.validate("JobProgress", old.put("lifecycleSequence", -1)).isEmpty());
        assertTrue(Schemas.validate("JobProgress", old.put("state", "SUSPENDED").put("lifecycleSequence", 1))
                .isEmpty());
    }
}
