package io.tessera.contracts.jobs;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * A studio cleared a job's worker blocklist: the named worker, or every worker when {@code workerId} is null, may
 * be given the job's tasks again, and its failures on the job count from zero. Published by submission on
 * {@code farm.jobs.v1} through its outbox; {@code ce_id job:{jobId}:blocklist-cleared:{sequence}}.
 *
 * @param sequence the job's blocklist-clear number, 1, 2, 3, ... per job (part of the ce_id)
 */
public record JobBlocklistCleared(String jobId, String workerId, long sequence, Instant clearedAt)
        implements TesseraEvent {

    @Override
    public String subject() {
        return jobId;
    }
}
