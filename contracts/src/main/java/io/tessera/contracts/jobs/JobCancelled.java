package io.tessera.contracts.jobs;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/** A studio cancelled a job: queued tasks never start, running ones are stopped. */
public record JobCancelled(String jobId, String reason, Instant cancelledAt) implements TesseraEvent {

    @Override
    public String subject() {
        return jobId;
    }
}
