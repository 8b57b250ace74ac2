package io.tessera.monitoring.job;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.JobState;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobResumed;
import io.tessera.contracts.jobs.JobRetryRequested;
import io.tessera.contracts.jobs.JobSuspended;
import io.tessera.messaging.inbox.Inbox;
import io.tessera.messaging.outbox.Outbox;
import io.tessera.monitoring.dag.Readiness;
import io.tessera.monitoring.task.TaskEntity;
import io.tessera.monitoring.task.TaskTransitions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * A studio's lifecycle commands from {@code farm.jobs.v1}: JobSuspended, JobResumed, JobRetryRequested. Each is
 * applied in one transaction with its inbox entry (dedupe on {@code ce_id}) and the job row locked; a command whose
 * {@code sequence} is not newer than the job's is stale and changes nothing. Every applied command ends with a
 * JobProgress carrying its sequence, also when the job's state did not allow it (e.g. it completed before the
 * suspend arrived), so submission's view converges on monitoring's state.
 * <ul>
 *   <li>Suspend (SUBMITTED or RUNNING): the job is SUSPENDED; its WAITING tasks are not released and tasks planned
 *       meanwhile are created WAITING ({@link JobRows#released}). QUEUED tasks stay QUEUED (assignment holds them),
 *       RUNNING tasks finish: a suspend does not stop renders in progress.</li>
 *   <li>Resume (SUSPENDED): the job's state is derived again from its tasks (RUNNING once one started) and its
 *       runnable WAITING tasks are released.</li>
 *   <li>Retry-failed (FAILED): every DEAD task is QUEUED with its next attempt and a fresh attempt budget (TaskReady),
 *       every CANCELLED task (cancelled because of the failure) goes back to WAITING with its next attempt, and the
 *       job is RUNNING again with its failed attempts counted from zero (its error limit applies afresh). If a job
 *       it depends on FAILED or was CANCELLED it stays FAILED.</li>
 * </ul>
 */
@ApplicationScoped
public class JobCommandService {

    static final String CONSUMER = JobService.CONSUMER;
    private static final Logger LOG = Logger.getLogger(JobCommandService.class);

    private final Inbox inbox;
    private final JobRows jobs;
    private final JobTracker tracker;
    private final TaskTransitions transitions;
    private final Outbox outbox;

    JobCommandService(Inbox inbox, JobRows jobs, JobTracker tracker, TaskTransitions transitions, Outbox outbox) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.jobs = jobs;
        this.tracker = tracker;
        this.transitions = transitions;
    }

    /** Applies a JobSuspended. */
    public Uni<Void> suspended(EventEnvelope envelope, JobSuspended event) {
        validate(event.jobId(), event.sequence());
        return apply(envelope, event.jobId(), event.sequence(), "suspend", (job, now) -> {
            if (job.state != JobState.SUBMITTED && job.state != JobState.RUNNING) {
                return ignored(job, "suspend", now);
            }
            job.state = JobState.SUSPENDED;
            job.reason = event.reason() == null || event.reason().isBlank() ? "suspended" : event.reason();
            LOG.infof("Job %s SUSPENDED (command %d): tasks not running yet are held, running tasks finish",
                    job.jobId, event.sequence());
            return tracker.publishProgress(job, now);
        });
    }

    /** Applies a JobResumed. */
    public Uni<Void> resumed(EventEnvelope envelope, JobResumed event) {
        validate(event.jobId(), event.sequence());
        return apply(envelope, event.jobId(), event.sequence(), "resume", (job, now) -> {
            if (job.state != JobState.SUSPENDED) {
                return ignored(job, "resume", now);
            }
            job.state = JobState.SUBMITTED;
            job.reason = null;
            LOG.infof("Job %s resumed (command %d)", job.jobId, event.sequence());
            return tracker.refresh(job, now);
        });
    }

    /** Applies a JobRetryRequested. */
    public Uni<Void> retryRequested(EventEnvelope envelope, JobRetryRequested event) {
        validate(event.jobId(), event.sequence());
        return apply(envelope, event.jobId(), event.sequence(), "retry-failed", (job, now) -> {
            if (job.state != JobState.FAILED) {
                return ignored(job, "retry-failed", now);
            }
            List<String> dependsOn = job.dependsOnIds();
            return jobs.states(dependsOn).chain(states -> {
                Optional<String> failed = Readiness.failedJob(dependsOn, states);
                if (failed.isPresent()) {
                    LOG.infof("Job %s not retried (command %d): job %s it depends on is %s", job.jobId,
                            event.sequence(), failed.get(), states.get(failed.get()));
                    job.reason = "dependency job " + failed.get() + " failed";
                    return tracker.publishProgress(job, now);
                }
                return retry(job, event.sequence(), now);
            });
        });
    }

    private Uni<Void> retry(JobEntity job, long sequence, Instant now) {
        return Panache.flush()
                .chain(() -> TaskEntity.<TaskEntity>list("jobId = ?1 and state in (?2) order by taskOrder, index",
                        job.jobId, List.of(TaskState.DEAD, TaskState.CANCELLED)))
                .chain(tasks -> {
                    long dead = tasks.stream().filter(t -> t.state == TaskState.DEAD).count();
                    LOG.infof("Job %s retried (command %d): %d DEAD task(s) queued again, %d cancelled task(s)"
                            + " waiting again, each with a fresh budget of attempts", job.jobId, sequence, dead,
                            tasks.size() - dead);
                    job.state = JobState.RUNNING;
                    job.reason = null;
                    job.failedAttempts = 0;
                    List<Outbox.Pending> events = new ArrayList<>();
                    tasks.forEach(task -> events.addAll(transitions.retried(task, now)));
                    return outbox.addAll(events);
                })
                .chain(() -> tracker.refresh(job, now));
    }

    private Uni<Void> apply(EventEnvelope envelope, String jobId, long sequence, String command,
                            BiFunction<JobEntity, Instant, Uni<Void>> change) {
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, envelope.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : jobs.ensureAndLock(jobId).chain(job -> {
                    if (sequence <= job.lifecycleSequence) {
                        LOG.infof("Job %s: %s command %d is older than command %d already applied: ignored", jobId,
                                command, sequence, job.lifecycleSequence);
                        return Uni.createFrom().voidItem();
                    }
                    job.lifecycleSequence = sequence;
                    return change.apply(job, Instant.now());
                })));
    }

    private Uni<Void> ignored(JobEntity job, String command, Instant now) {
        LOG.infof("Job %s is %s: %s (command %d) changes nothing", job.jobId, job.state, command,
                job.lifecycleSequence);
        return tracker.publishProgress(job, now);
    }

    private static void validate(String jobId, long sequence) {
        if (jobId == null || jobId.isBlank()) {
            throw new InvalidEventException("jobId: is required");
        }
        if (sequence < 1) {
            throw new InvalidEventException("sequence: must be at least 1, was " + sequence);
        }
    }
}
