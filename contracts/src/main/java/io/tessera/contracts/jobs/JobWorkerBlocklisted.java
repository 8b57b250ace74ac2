package io.tessera.contracts.jobs;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * A worker failed the job's tasks {@code failures} times (the job's blocklist threshold): assignment gives it none of
 * the job's tasks until a {@link JobBlocklistCleared} names it (or the whole job). Published by monitoring on
 * {@code farm.jobs.v1} through its outbox; {@code ce_id job:{jobId}:worker-blocklisted:{workerId}:{times}}, where
 * {@code times} counts how often the worker was blocklisted for the job.
 *
 * @param failures the worker's failed attempts on the job since it was last cleared
 * @param reason   the reason of its last failed attempt
 */
public record JobWorkerBlocklisted(String jobId, String workerId, int failures, String reason,
                                   Instant blocklistedAt) implements TesseraEvent {

    @Override
    public String subject() {
        return jobId;
    }
}
