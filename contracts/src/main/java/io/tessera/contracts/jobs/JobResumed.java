package io.tessera.contracts.jobs;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * A studio resumed a suspended job: its tasks are dispatched again.
 *
 * @param sequence the job's lifecycle command number (see {@link JobSuspended#sequence()});
 *                 {@code ce_id job:{jobId}:resumed:{sequence}}
 */
public record JobResumed(String jobId, long sequence, Instant resumedAt) implements TesseraEvent {

    @Override
    public String subject() {
        return jobId;
    }
}
