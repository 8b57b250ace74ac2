package io.tessera.contracts.jobs;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * A studio asked to retry the failed tasks of a FAILED job: every DEAD task is queued again with its next attempt
 * and a fresh attempt budget, the tasks cancelled because of the failure run again, and the job is RUNNING again.
 *
 * @param sequence the job's lifecycle command number (see {@link JobSuspended#sequence()});
 *                 {@code ce_id job:{jobId}:retry-requested:{sequence}}
 */
public record JobRetryRequested(String jobId, long sequence, Instant requestedAt) implements TesseraEvent {

    @Override
    public String subject() {
        return jobId;
    }
}
