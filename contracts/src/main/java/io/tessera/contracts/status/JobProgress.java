package io.tessera.contracts.status;

import io.tessera.contracts.JobState;
import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * The state and progress of a job as monitoring sees it. Terminal states (COMPLETED, FAILED, CANCELLED) come
 * with a reason where one exists. {@code version} grows with every change, so readers keep the newest.
 */
public record JobProgress(String jobId, JobState state, Progress progress, String reason, long version, Instant at)
        implements TesseraEvent {

    @Override
    public String subject() {
        return jobId;
    }
}
