package io.tessera.assignment.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.assignment.AssignmentConfig;
import io.tessera.assignment.cancellation.Cancellations;
import io.tessera.assignment.workers.WorkerRegistry;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.tasks.TaskReady;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.hibernate.reactive.mutiny.Mutiny;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The queue of ready tasks in PostgreSQL. A TaskReady is queued once per (task, attempt): a redelivery or an older
 * attempt than the newest one seen for the task changes nothing; a newer attempt replaces the task's queued or
 * dispatched older attempt. Tasks of cancelled jobs are dropped.
 */
@ApplicationScoped
public class ReadyQueue {

    private static final Logger LOG = Logger.getLogger(ReadyQueue.class);

    /** What became of a TaskReady. */
    public enum Outcome { QUEUED, QUEUED_UNPLACEABLE, STALE, JOB_CANCELLED }

    private final Cancellations cancellations;
    private final WorkerRegistry workers;
    private final UnplaceableWarnings warnings;
    private final MeterRegistry meters;
    private final String advanceAttempt;
    private final String dropOlderDispatch;
    private final String dropPending;
    private final String seeJob;
    private final String insertPending;

    ReadyQueue(Cancellations cancellations, WorkerRegistry workers, AssignmentConfig config, MeterRegistry meters,
               @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.cancellations = cancellations;
        this.workers = workers;
        this.warnings = new UnplaceableWarnings(config.unplaceableJobsRemembered());
        this.meters = meters;
        this.advanceAttempt = "insert into " + schema + ".task_attempt as a (task_id, attempt) values (:taskId, :attempt)"
                + " on conflict (task_id) do update set attempt = excluded.attempt where a.attempt < excluded.attempt";
        this.dropOlderDispatch = "delete from " + schema + ".dispatched_task where task_id = :taskId and attempt < :attempt";
        this.dropPending = "delete from " + schema + ".pending_task where task_id = :taskId";
        this.seeJob = "insert into " + schema + ".job_seen as j (job_id, first_seen) values (:jobId, :seen)"
                + " on conflict (job_id) do update set first_seen = least(j.first_seen, excluded.first_seen)";
        this.insertPending = "insert into " + schema + ".pending_task (task_id, attempt, job_id, capability, min_cores,"
                + " min_memory_mb, priority, preview, job_seen_at, task_order, ready_at, task_json)"
                + " values (:taskId, :attempt, :jobId, :capability, cast(:minCores as integer),"
                + " cast(:minMemoryMb as integer), :priority, :preview,"
                + " (select first_seen from " + schema + ".job_seen where job_id = :jobId), :order, :readyAt, :taskJson)";
    }

    /**
     * Queues a ready task attempt in its own transaction.
     *
     * @throws InvalidEventException naming the field when the event cannot be queued
     */
    public Uni<Outcome> enqueue(TaskReady ready) {
        validate(ready);
        TaskPlanned task = ready.task();
        Instant readyAt = ready.readyAt() == null ? Instant.now() : ready.readyAt();
        return Panache.withTransaction(() -> cancellations.isCancelled(task.jobId()).chain(cancelled -> cancelled
                        ? Uni.createFrom().item(Outcome.JOB_CANCELLED)
                        : update(advanceAttempt, q -> q.setParameter("taskId", task.taskId())
                                .setParameter("attempt", ready.attempt()))
                                .chain(advanced -> advanced == 0
                                        ? Uni.createFrom().item(Outcome.STALE)
                                        : insert(task, ready.attempt(), readyAt))))
                .invoke(outcome -> report(outcome, task, ready.attempt()));
    }

    private Uni<Outcome> insert(TaskPlanned task, int attempt, Instant readyAt) {
        OffsetDateTime at = OffsetDateTime.ofInstant(readyAt, ZoneOffset.UTC);
        return update(dropOlderDispatch, q -> q.setParameter("taskId", task.taskId()).setParameter("attempt", attempt))
                .chain(() -> update(dropPending, q -> q.setParameter("taskId", task.taskId())))
                .chain(() -> update(seeJob, q -> q.setParameter("jobId", task.jobId()).setParameter("seen", at)))
                .chain(() -> update(insertPending, q -> q.setParameter("taskId", task.taskId())
                        .setParameter("attempt", attempt)
                        .setParameter("jobId", task.jobId())
                        .setParameter("capability", task.requirements().capability().id())
                        .setParameter("minCores", task.requirements().minCores())
                        .setParameter("minMemoryMb", task.requirements().minMemoryMb())
                        .setParameter("priority", task.priority())
                        .setParameter("preview", task.preview())
                        .setParameter("order", task.order())
                        .setParameter("readyAt", at)
                        .setParameter("taskJson", Json.write(task))))
                .chain(() -> workers.canPlace(task.requirements()))
                .map(placeable -> placeable ? Outcome.QUEUED : Outcome.QUEUED_UNPLACEABLE);
    }

    private void report(Outcome outcome, TaskPlanned task, int attempt) {
        String capability = task.requirements().capability().id();
        switch (outcome) {
            case JOB_CANCELLED -> {
                Counter.builder("tessera_tasks_skipped_total").tag("capability", capability)
                        .tag("reason", "job-cancelled").register(meters).increment();
                LOG.infof("Task %s (job %s, attempt %d) not queued: its job is cancelled", task.taskId(),
                        task.jobId(), attempt);
            }
            case STALE -> LOG.debugf("Task %s (job %s, attempt %d) already queued at this or a newer attempt",
                    task.taskId(), task.jobId(), attempt);
            case QUEUED_UNPLACEABLE -> {
                Counter.builder("tessera_tasks_unplaceable_total").tag("capability", capability).register(meters)
                        .increment();
                if (warnings.firstFor(task.jobId())) {
                    LOG.warnf("Job %s: no live %s worker satisfies %s (first task %s, attempt %d); it stays queued"
                                    + " until one does (provisioning may add one)", task.jobId(), capability,
                            task.requirements(), task.taskId(), attempt);
                }
            }
            case QUEUED -> {
                // the normal case: the dispatcher picks it up
            }
        }
    }

    private static void validate(TaskReady ready) {
        TaskPlanned task = ready.task();
        if (task == null) {
            throw new InvalidEventException("task: is required");
        }
        if (task.taskId() == null || task.taskId().isBlank()) {
            throw new InvalidEventException("task.taskId: is required");
        }
        if (task.jobId() == null || task.jobId().isBlank()) {
            throw new InvalidEventException("task.jobId: is required");
        }
        if (task.requirements() == null || task.requirements().capability() == null) {
            throw new InvalidEventException("task.requirements.capability: is required");
        }
        if (ready.attempt() < 1) {
            throw new InvalidEventException("attempt: must be at least 1, was " + ready.attempt());
        }
    }

    private static Uni<Integer> update(String sql, UnaryOperator<Mutiny.MutationQuery> params) {
        return Panache.getSession().chain(session -> params.apply(session.createNativeQuery(sql)).executeUpdate());
    }
}
