package io.tessera.monitoring.task;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskEvent;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskProgress;
import io.tessera.contracts.tasks.TaskStarted;
import io.tessera.messaging.inbox.Inbox;
import io.tessera.messaging.outbox.Outbox;
import io.tessera.messaging.sequence.Sequential;
import io.tessera.monitoring.MonitoringConfig;
import io.tessera.monitoring.MonitoringMetrics;
import io.tessera.monitoring.failure.AttemptFailures;
import io.tessera.monitoring.job.JobEntity;
import io.tessera.monitoring.job.JobRows;
import io.tessera.monitoring.job.JobTracker;
import io.tessera.monitoring.lease.LeaseRevocations;
import io.tessera.monitoring.output.OutputCommitter;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Applies a worker's task event in one transaction: inbox entry, job row lock, task row lock, the
 * {@link TaskLifecycle} decision, the state change and its outbox events. A failed attempt is recorded with its
 * reason and counted towards the job's error limit and the worker's blocklist threshold ({@link AttemptFailures}).
 * Events of any attempt other than the current one are logged as late/stale and never change state or output.
 */
@ApplicationScoped
public class TaskEventService {

    static final String CONSUMER = "monitoring-task-events";
    private static final Duration UNKNOWN_TASK_PATIENCE = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(TaskEventService.class);

    private final Inbox inbox;
    private final JobRows jobs;
    private final JobTracker tracker;
    private final TaskTransitions transitions;
    private final AttemptFailures failures;
    private final OutputCommitter committer;
    private final MonitoringMetrics metrics;
    private final TaskLifecycle lifecycle;
    private final LeaseRevocations revocations;
    private final Vertx vertx;
    private final Outbox outbox;

    TaskEventService(Inbox inbox, JobRows jobs, JobTracker tracker, TaskTransitions transitions,
                     AttemptFailures failures, OutputCommitter committer, MonitoringMetrics metrics,
                     LeaseRevocations revocations, MonitoringConfig config, Vertx vertx, Outbox outbox) {
        this.inbox = inbox;
        this.jobs = jobs;
        this.tracker = tracker;
        this.transitions = transitions;
        this.failures = failures;
        this.committer = committer;
        this.metrics = metrics;
        this.lifecycle = new TaskLifecycle(config.maxAttempts());
        this.revocations = revocations;
        this.vertx = vertx;
        this.outbox = outbox;
    }

    /**
     * Applies the event unless this consumer already applied its {@code ce_id}. A worker's event can overtake the
     * task's TaskPlanned or its release (they travel on different topics): such an event is retried with back-off
     * until the task is known and no longer WAITING, and dead-lettered with the reason only if it never becomes so.
     */
    public Uni<Void> apply(EventEnvelope envelope, TaskEvent event) {
        validate(event);
        return applyOnce(envelope, event)
                .onFailure(UnknownTaskException.class).retry()
                .withBackOff(Duration.ofMillis(50), Duration.ofSeconds(2)).expireIn(UNKNOWN_TASK_PATIENCE.toMillis())
                .onFailure(UnknownTaskException.class).transform(e -> new InvalidEventException(e.getMessage()
                        + " within " + UNKNOWN_TASK_PATIENCE.toSeconds() + " s"));
    }

    private Uni<Void> applyOnce(EventEnvelope envelope, TaskEvent event) {
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, envelope.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : jobs.lock(event.jobId()).chain(job -> job == null
                        ? unknown(event)
                        : TaskEntity.<TaskEntity>findById(event.taskId(), LockModeType.PESSIMISTIC_WRITE)
                                .chain(task -> task == null ? unknown(event) : decide(job, task, event, null)))));
    }

    /** A worker's task event and the envelope it came in. */
    public record Received(EventEnvelope envelope, TaskEvent event) {
    }

    /**
     * Applies a poll of task events in one transaction, in poll order: one inbox query, one lock per job (job id
     * order) and one locking query for all their tasks, then each event's {@link TaskLifecycle} decision; one
     * multi-row inbox insert records the applied ones. An event whose task is not known or not released yet (it
     * overtook its TaskPlanned), and every later event of that task in the poll, is left out and applied on its
     * own afterwards, with the back-off of {@link #apply}. The poll's outbox events are written together at the end
     * ({@link Outbox#collecting}) and its output commits done together ({@link PendingCommits}): a few round trips
     * per poll, not a few per event.
     */
    public Uni<Void> applyAll(List<Received> batch) {
        batch.forEach(received -> validate(received.event()));
        List<Received> deferred = new ArrayList<>();
        return Panache.withTransaction(() -> inbox.applied(CONSUMER, batch.stream().map(r -> r.envelope().id()).toList())
                        .chain(seen -> {
                            Set<String> ids = new HashSet<>(seen);
                            List<Received> todo = batch.stream().filter(r -> ids.add(r.envelope().id())).toList();
                            if (todo.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            PendingCommits commits = new PendingCommits();
                            return outbox.collecting(() -> applyInOrder(todo, deferred, commits))
                                    .call(() -> commits.run(vertx, committer));
                        }))
                .chain(() -> Sequential.forEach(deferred, received -> apply(received.envelope(), received.event())));
    }

    private Uni<Void> applyInOrder(List<Received> todo, List<Received> deferred, PendingCommits commits) {
        Map<String, JobEntity> jobsById = new TreeMap<>();
        todo.forEach(r -> jobsById.put(r.event().jobId(), null));
        Uni<Void> locked = Sequential.forEach(List.copyOf(jobsById.keySet()),
                jobId -> jobs.lock(jobId).invoke(job -> jobsById.put(jobId, job)));
        return locked.chain(() -> lockTasks(todo)).chain(tasksById -> {
            Set<String> deferredTasks = new HashSet<>();
            List<String> applied = new ArrayList<>();
            Uni<Void> chain = Sequential.forEach(todo, received -> {
                TaskEvent event = received.event();
                JobEntity job = jobsById.get(event.jobId());
                TaskEntity task = tasksById.get(event.taskId());
                if (deferredTasks.contains(event.taskId()) || job == null || task == null) {
                    deferredTasks.add(event.taskId());
                    deferred.add(received);
                    return Uni.createFrom().voidItem();
                }
                return decide(job, task, event, commits)
                        .invoke(() -> applied.add(received.envelope().id()))
                        .onFailure(UnknownTaskException.class).recoverWithUni(e -> {
                            deferredTasks.add(event.taskId());
                            deferred.add(received);
                            return Uni.createFrom().voidItem();
                        });
            });
            return chain.chain(() -> inbox.firstDeliveries(CONSUMER, applied)).invoke(recorded -> {
                if (recorded.size() != applied.size()) {
                    // another replica applied some of these meanwhile (a rebalance): roll back, the retry skips them
                    throw new IllegalStateException((applied.size() - recorded.size())
                            + " task event(s) were applied concurrently; retrying the poll");
                }
            }).replaceWithVoid();
        });
    }

    private static Uni<Map<String, TaskEntity>> lockTasks(List<Received> todo) {
        List<String> ids = todo.stream().map(r -> r.event().taskId()).distinct().toList();
        return Panache.getSession()
                .chain(session -> session.createQuery("from TaskEntity t where t.taskId in (:ids) order by t.taskId",
                                TaskEntity.class)
                        .setParameter("ids", ids)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList())
                .map(tasks -> {
                    Map<String, TaskEntity> byId = new HashMap<>();
                    tasks.forEach(task -> byId.put(task.taskId, task));
                    return byId;
                });
    }

    /** Applies the event's decision; {@code commits} null: outputs are committed at once, else added there. */
    private Uni<Void> decide(JobEntity job, TaskEntity task, TaskEvent event, PendingCommits commits) {
        if (!task.jobId.equals(event.jobId())) {
            throw new InvalidEventException("jobId: task " + task.taskId + " belongs to job " + task.jobId);
        }
        Instant now = Instant.now();
        Decision decision = lifecycle.onEvent(task.snapshot(), event);
        String name = event.getClass().getSimpleName();
        switch (decision.action()) {
            case DEFER -> {
                return Uni.createFrom().failure(new UnknownTaskException(name + " for task " + task.taskId
                        + " attempt " + event.attempt() + ": taskId: " + decision.reason()));
            }
            case STALE -> {
                metrics.staleEvent();
                LOG.infof("late/stale event %s for task %s attempt %d from worker %s ignored: %s", name,
                        task.taskId, event.attempt(), event.workerId(), decision.reason());
                return revokeIfStillRunning(task, event, now).chain(() -> discardUnaccepted(task, event, commits));
            }
            case IGNORE -> {
                LOG.infof("%s for task %s attempt %d from worker %s ignored: %s", name, task.taskId,
                        event.attempt(), event.workerId(), decision.reason());
                return revokeIfStillRunning(task, event, now).chain(() -> discardUnaccepted(task, event, commits));
            }
            case EXTEND_LEASE -> {
                transitions.extendLease(task, now);
                if (event instanceof TaskProgress progress) {
                    task.framesDone = Math.max(0, Math.min(progress.framesDone(), task.frameCount()));
                }
                return Uni.createFrom().voidItem();
            }
            case START -> {
                return transitions.start(task, event.workerId(), now).invoke(() -> tracker.touch(job));
            }
            case COMMIT -> {
                return commit(job, task, (TaskCompleted) event, now, commits);
            }
            case RETRY -> {
                if (event instanceof TaskFailed failed && failed.handedBack()) {
                    return handedBack(job, task, failed, decision.reason(), now);
                }
                LOG.infof("Task %s attempt %d failed on worker %s (%s): queued as attempt %d", task.taskId,
                        task.attempt, event.workerId(), decision.reason(), task.attempt + 1);
                return failures.failed(job, task, event.workerId(), decision.reason(), now)
                        .chain(() -> transitions.retry(task, TaskState.FAILED, decision.reason(), now))
                        .invoke(() -> tracker.touch(job))
                        .chain(() -> failures.enforceErrorLimit(job, now));
            }
            case DEAD -> {
                return failures.failed(job, task, event.workerId(), decision.reason(), now)
                        .chain(() -> dead(job, task, (TaskFailed) event, decision.reason(), now, commits))
                        .chain(() -> failures.enforceErrorLimit(job, now));
            }
            default -> throw new IllegalStateException("unhandled action " + decision.action());
        }
    }

    /**
     * An ignored TaskStarted or TaskProgress means the worker is rendering an attempt that is no longer its own (a
     * zombie, a duplicate run, a task of a failed job): it is told its lease is gone, so it stops.
     */
    private Uni<Void> revokeIfStillRunning(TaskEntity task, TaskEvent event, Instant now) {
        if (!(event instanceof TaskStarted || event instanceof TaskProgress)) {
            return Uni.createFrom().voidItem();
        }
        return revocations.revokeIfGone(task, event.workerId(), event.attempt(), now).replaceWithVoid();
    }

    /**
     * An attempt whose result is not accepted (a zombie's, or a duplicate run's) leaves staged files behind; they are
     * deleted so nothing of it stays in the job's output directory. Once the task is finished (SUCCEEDED, DEAD or
     * CANCELLED) no attempt will be committed any more and its whole staging area goes; while another attempt runs,
     * only the files a TaskCompleted lists. In a poll ({@code commits} not null) this happens after the poll's
     * commits, which may still need the staging area of a task accepted earlier in the same poll. A failed deletion
     * is logged and never fails the event.
     */
    private Uni<Void> discardUnaccepted(TaskEntity task, TaskEvent event, PendingCommits commits) {
        boolean finished = task.state.terminal();
        boolean listsFiles = event instanceof TaskCompleted completed && completed.outputs() != null
                && !completed.outputs().isEmpty();
        if (!(event instanceof TaskCompleted || event instanceof TaskFailed) || !(finished || listsFiles)) {
            return Uni.createFrom().voidItem();
        }
        String outputDir = task.plan().outputDir();
        String taskId = task.taskId;
        PendingCommits files = commits != null ? commits : new PendingCommits();
        files.discard("ignored task " + taskId + " attempt " + event.attempt() + " from worker " + event.workerId(),
                finished ? committer -> committer.discardStaging(outputDir, taskId)
                        : committer -> committer.discardStaged(((TaskCompleted) event).outputs()));
        return commits != null ? Uni.createFrom().voidItem()
                : files.run(vertx, committer).onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> commit(JobEntity job, TaskEntity task, TaskCompleted completed, Instant now,
                             PendingCommits commits) {
        PendingCommits files = commits != null ? commits : new PendingCommits();
        files.add(completed.outputs(), task.plan().outputDir(), task.taskId);
        return (commits != null ? Uni.createFrom().voidItem() : files.run(vertx, committer))
                .chain(() -> transitions.succeed(task, now))
                .invoke(() -> {
                    metrics.taskDuration(completed.renderMillis());
                    LOG.infof("Task %s attempt %d SUCCEEDED on worker %s: %d output(s) committed", task.taskId,
                            task.attempt, completed.workerId(), completed.outputs().size());
                })
                .invoke(() -> tracker.touch(job));
    }

    /**
     * A leaving worker gave the attempt back: the next attempt is queued and this one uses none of the task's
     * attempts (the budget's base moves up with it), nor counts for the error limit or the blocklist.
     */
    private Uni<Void> handedBack(JobEntity job, TaskEntity task, TaskFailed failed, String reason, Instant now) {
        LOG.infof("Task %s attempt %d handed back by worker %s (%s): queued as attempt %d, not counted as a failure",
                task.taskId, task.attempt, failed.workerId(), reason, task.attempt + 1);
        return failures.handedBack(task, failed.workerId(), reason, now)
                .chain(() -> {
                    task.attemptBase = task.attemptBase + 1;
                    return transitions.retry(task, TaskState.FAILED, reason, now);
                })
                .invoke(() -> tracker.touch(job));
    }

    private Uni<Void> dead(JobEntity job, TaskEntity task, TaskFailed failed, String reason, Instant now,
                           PendingCommits commits) {
        LOG.warnf("Task %s attempt %d on worker %s is DEAD (retryable=%s): %s", task.taskId, task.attempt,
                failed.workerId(), failed.retryable(), reason);
        return transitions.dead(task, TaskState.FAILED, reason, now)
                .chain(() -> tracker.taskDead(job, task, reason, now))
                .chain(() -> discardUnaccepted(task, failed, commits));
    }

    private static Uni<Void> unknown(TaskEvent event) {
        return Uni.createFrom().failure(new UnknownTaskException(event.getClass().getSimpleName() + " for task "
                + event.taskId() + " (job " + event.jobId() + ") attempt " + event.attempt()
                + ": taskId: its TaskPlanned was not seen"));
    }

    /**
     * The event's task is not (yet) known or not released yet: retried, because its TaskPlanned (or its release)
     * may still be on its way.
     */
    static final class UnknownTaskException extends RuntimeException {
        UnknownTaskException(String message) {
            super(message, null, false, false);
        }
    }

    /** Checks what monitoring needs of a task event; throws naming the field. */
    static void validate(TaskEvent event) {
        TaskPlanService.require(event.taskId(), "taskId");
        TaskPlanService.require(event.jobId(), "jobId");
        TaskPlanService.require(event.workerId(), "workerId");
        if (event.attempt() < 1) {
            throw new InvalidEventException("attempt: must be at least 1");
        }
        if (event instanceof TaskCompleted completed && completed.outputs() == null) {
            throw new InvalidEventException("outputs: is required");
        }
    }
}
