package io.tessera.contracts.status;

import io.tessera.contracts.JobState;
import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * The state and progress of a job as monitoring sees it. Terminal states (COMPLETED, FAILED, CANCELLED) come
 * with a reason where one exists. {@code version} grows with every change, so readers keep the newest.
 *
 * @param lifecycleSequence the {@code sequence} of the newest job lifecycle command (JobSuspended, JobResumed,
 *                          JobRetryRequested) monitoring had applied when it published this; 0 before any. A reader
 *                          that issued a newer command knows this state predates it. Records written before this
 *                          field existed read as 0.
 */
public record JobProgress(String jobId, JobState state, Progress progress, String reason, long version, Instant at,
                          long lifecycleSequence)
        implements TesseraEvent {

    /** A job no lifecycle command touched ({@code lifecycleSequence} 0). */
    public JobProgress(String jobId, JobState state, Progress progress, String reason, long version, Instant at) {
        this(jobId, state, progress, reason, version, at, 0);
    }

    @Override
    public String subject() {
        return jobId;
    }
}
