package io.tessera.contracts.jobs;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * A studio suspended a job: none of its tasks that is not running yet is dispatched until a {@link JobResumed} with
 * a higher {@code sequence}; tasks already running finish (a suspend does not stop renders in progress).
 *
 * @param sequence the job's lifecycle command number (suspend, resume, retry-failed): 1, 2, 3, ... per job, so a
 *                 suspend after a resume is a new event ({@code ce_id job:{jobId}:suspended:{sequence}}) and a
 *                 consumer can tell an old command from a newer one
 */
public record JobSuspended(String jobId, long sequence, String reason, Instant suspendedAt) implements TesseraEvent {

    @Override
    public String subject() {
        return jobId;
    }
}
