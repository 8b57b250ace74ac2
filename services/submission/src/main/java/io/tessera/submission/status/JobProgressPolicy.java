package io.tessera.submission.status;

import io.tessera.contracts.JobState;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.status.JobProgress;
import io.tessera.submission.jobs.JobEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * How a JobProgress changes a stored job: only a newer {@code version} applies; a terminal job (COMPLETED, FAILED,
 * CANCELLED) never returns to a non-terminal state, and a CANCELLED job stays CANCELLED (its progress still updates).
 * A JobProgress that reflects an older lifecycle command than the job's newest (its {@code lifecycleSequence} is
 * lower: monitoring published it before it saw the studio's suspend, resume or retry) updates the progress but not
 * the state: monitoring answers every command with a JobProgress of its own, which then sets the state. That is
 * also how a retried FAILED job becomes RUNNING without monitoring's earlier FAILED taking it back.
 */
public final class JobProgressPolicy {

    private JobProgressPolicy() {
    }

    /**
     * Applies {@code progress} to {@code job} in place.
     *
     * @return true when the job changed, false when the event is older than (or as old as) the stored status
     */
    public static boolean apply(JobEntity job, JobProgress progress) {
        if (progress.version() <= job.statusVersion) {
            return false;
        }
        job.statusVersion = progress.version();
        if (progress.progress() != null) {
            job.tasksTotal = progress.progress().tasksTotal();
            Map<String, Integer> counts = progress.progress().tasksByState();
            job.tasksByState = Json.write(counts == null ? Map.of() : counts);
            job.framesDone = progress.progress().framesDone();
            job.framesTotal = progress.progress().framesTotal();
            job.parts = Json.write(progress.progress().parts());
        }
        if (progress.lifecycleSequence() >= job.lifecycleSequence && mayMoveTo(job.state, progress.state())) {
            job.state = progress.state();
            job.reason = progress.reason();
        }
        Instant at = progress.at() != null ? progress.at() : Instant.now();
        job.updatedAt = at.truncatedTo(ChronoUnit.MICROS);
        return true;
    }

    /** Whether a job in {@code current} may take {@code next} from monitoring. */
    static boolean mayMoveTo(JobState current, JobState next) {
        if (current == JobState.CANCELLED) {
            return false;
        }
        return !current.terminal() || next.terminal();
    }
}
