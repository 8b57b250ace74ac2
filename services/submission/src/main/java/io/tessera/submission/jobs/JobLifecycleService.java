package io.tessera.submission.jobs;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.JobState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.jobs.JobResumed;
import io.tessera.contracts.jobs.JobRetryRequested;
import io.tessera.contracts.jobs.JobSuspended;
import io.tessera.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * A studio's lifecycle commands on a job: suspend, resume and retry-failed. Each locks the job row, checks the state
 * allows the command, numbers it with the job's next lifecycle sequence, changes the state and writes the event
 * (JobSuspended, JobResumed, JobRetryRequested, {@code ce_id job:{jobId}:<what>:{sequence}}) through the outbox, all
 * in one transaction. The state shown right away is what the command means; monitoring's JobProgress for that
 * command (or a later one) then refines it.
 */
@ApplicationScoped
public class JobLifecycleService {

    /** The reason shown on a job suspended through the API. */
    public static final String SUSPENDED_BY_USER = "suspended by user";

    private static final Logger LOG = Logger.getLogger(JobLifecycleService.class);
    /** Task states that mean the job has started (its first task ran). */
    private static final Set<String> STARTED = Set.of("RUNNING", "SUCCEEDED", "FAILED", "STALLED", "DEAD");

    private final JobRepository jobs;
    private final Outbox outbox;

    JobLifecycleService(JobRepository jobs, Outbox outbox) {
        this.jobs = jobs;
        this.outbox = outbox;
    }

    /**
     * Suspends a SUBMITTED or RUNNING job: none of its tasks that is not running yet is dispatched until it is
     * resumed; running tasks finish.
     *
     * @throws JobNotFoundException      (as a failure) when the job is unknown
     * @throws JobStateConflictException (as a failure) naming the state when the job is neither SUBMITTED nor RUNNING
     */
    public Uni<JobView> suspend(String jobId) {
        return command(jobId, "suspended", "SUBMITTED or RUNNING",
                state -> state == JobState.SUBMITTED || state == JobState.RUNNING, (job, now) -> {
                    job.state = JobState.SUSPENDED;
                    job.reason = SUSPENDED_BY_USER;
                    return new JobSuspended(jobId, job.lifecycleSequence, SUSPENDED_BY_USER, now);
                });
    }

    /**
     * Resumes a SUSPENDED job: RUNNING when a task of it already started, else SUBMITTED.
     *
     * @throws JobNotFoundException      (as a failure) when the job is unknown
     * @throws JobStateConflictException (as a failure) naming the state when the job is not SUSPENDED
     */
    public Uni<JobView> resume(String jobId) {
        return command(jobId, "resumed", "SUSPENDED", state -> state == JobState.SUSPENDED, (job, now) -> {
            job.state = started(job) ? JobState.RUNNING : JobState.SUBMITTED;
            job.reason = null;
            return new JobResumed(jobId, job.lifecycleSequence, now);
        });
    }

    /**
     * Retries the failed tasks of a FAILED job: the job is RUNNING again.
     *
     * @throws JobNotFoundException      (as a failure) when the job is unknown
     * @throws JobStateConflictException (as a failure) naming the state when the job is not FAILED
     */
    public Uni<JobView> retryFailed(String jobId) {
        return command(jobId, "retried", "FAILED", state -> state == JobState.FAILED, (job, now) -> {
            job.state = JobState.RUNNING;
            job.reason = null;
            return new JobRetryRequested(jobId, job.lifecycleSequence, now);
        });
    }

    /** What a command does to the locked job (its sequence already advanced); returns the event to publish. */
    @FunctionalInterface
    private interface Change {
        TesseraEvent apply(JobEntity job, Instant now);
    }

    private Uni<JobView> command(String jobId, String done, String allowedIn, Predicate<JobState> allowed,
                                 Change change) {
        return Panache.withTransaction(() -> jobs.findForUpdate(jobId)
                        .onItem().ifNull().failWith(() -> new JobNotFoundException(jobId))
                        .chain(job -> {
                            if (!allowed.test(job.state)) {
                                return Uni.createFrom().failure(
                                        JobStateConflictException.refused(jobId, job.state, done, allowedIn));
                            }
                            Instant now = JobService.now();
                            job.lifecycleSequence = job.lifecycleSequence + 1;
                            TesseraEvent event = change.apply(job, now);
                            job.updatedAt = now;
                            String ceId = eventId(jobId, event, job.lifecycleSequence);
                            return outbox.add(Topics.JOBS, jobId, ceId, event).map(ignored -> JobView.of(job));
                        }))
                .invoke(view -> LOG.infof("Job %s %s by user (now %s)", jobId, done, view.state()));
    }

    /** {@code job:{jobId}:suspended|resumed|retry-requested:{sequence}}. */
    static String eventId(String jobId, TesseraEvent event, long sequence) {
        String what;
        if (event instanceof JobSuspended) {
            what = "suspended";
        } else if (event instanceof JobResumed) {
            what = "resumed";
        } else if (event instanceof JobRetryRequested) {
            what = "retry-requested";
        } else {
            throw new IllegalArgumentException("not a lifecycle command: " + event);
        }
        return "job:" + jobId + ":" + what + ":" + sequence;
    }

    private static boolean started(JobEntity job) {
        Map<String, Integer> counts = JsonColumns.counts(job.tasksByState);
        return job.framesDone > 0 || counts.entrySet().stream()
                .anyMatch(e -> STARTED.contains(e.getKey()) && e.getValue() != null && e.getValue() > 0);
    }
}
