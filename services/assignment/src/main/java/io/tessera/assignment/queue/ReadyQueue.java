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
import io.tessera.contracts.jobs.Requirements;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    private final String advanceAttempts;
    private final String dropOlderDispatches;
    private final String dropPending;
    private final String seeJobs;
    private final String insertPending;
    private final String insertPendingEnd;

    ReadyQueue(Cancellations cancellations, WorkerRegistry workers, AssignmentConfig config, MeterRegistry meters,
               @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.cancellations = cancellations;
        this.workers = workers;
        this.warnings = new UnplaceableWarnings(config.unplaceableJobsRemembered());
        this.meters = meters;
        this.advanceAttempts = "insert into " + schema + ".task_attempt as a (task_id, attempt) values ";
        this.dropOlderDispatches = "delete from " + schema + ".dispatched_task d using " + schema + ".task_attempt a"
                + " where d.task_id in (:ids) and a.task_id = d.task_id and d.attempt < a.attempt";
        this.dropPending = "delete from " + schema + ".pending_task where task_id in (:ids)";
        this.seeJobs = "insert into " + schema + ".job_seen as j (job_id, first_seen) values ";
        this.insertPending = "insert into " + schema + ".pending_task (task_id, attempt, job_id, capability, min_cores,"
                + " min_memory_mb, priority, preview, job_seen_at, task_order, ready_at, task_json)"
                + " select v.task_id, v.attempt, v.job_id, v.capability, v.min_cores, v.min_memory_mb, v.priority,"
                + " v.preview, j.first_seen, v.task_order, v.ready_at, v.task_json from (values ";
        this.insertPendingEnd = ") as v (task_id, attempt, job_id, capability, min_cores, min_memory_mb, priority,"
                + " preview, task_order, ready_at, task_json) join " + schema + ".job_seen j on j.job_id = v.job_id";
    }

    /**
     * Queues a ready task attempt in its own transaction.
     *
     * @throws InvalidEventException naming the field when the event cannot be queued
     */
    public Uni<Outcome> enqueue(TaskReady ready) {
        return enqueueAll(List.of(ready)).map(outcomes -> outcomes.get(0));
    }

    /**
     * Queues many ready task attempts in one transaction, with one multi-row statement per step (attempts, dropped
     * older attempts, job first-seen times, queue rows) instead of one round trip per step per task; completes with
     * one outcome per event, in order. Of two attempts of one task in the batch only the newer can be queued.
     *
     * @throws InvalidEventException naming the field when an event cannot be queued
     */
    public Uni<List<Outcome>> enqueueAll(List<TaskReady> batch) {
        batch.forEach(ReadyQueue::validate);
        Instant now = Instant.now();
        return Panache.withTransaction(() -> cancelled(batch).chain(cancelled -> {
            Map<String, TaskReady> newest = new LinkedHashMap<>();
            for (TaskReady ready : batch) {
                if (!cancelled.contains(ready.task().jobId())) {
                    newest.merge(ready.task().taskId(), ready, (a, b) -> b.attempt() > a.attempt() ? b : a);
                }
            }
            return advance(newest.values()).chain(advanced -> {
                List<TaskReady> queued = newest.values().stream()
                        .filter(r -> advanced.contains(key(r.task().taskId(), r.attempt()))).toList();
                return insert(queued, now).chain(() -> placeable(queued)).map(placeable -> {
                    List<Outcome> outcomes = new ArrayList<>(batch.size());
                    for (TaskReady ready : batch) {
                        TaskPlanned task = ready.task();
                        Outcome outcome;
                        if (cancelled.contains(task.jobId())) {
                            outcome = Outcome.JOB_CANCELLED;
                        } else if (newest.get(task.taskId()) != ready
                                || !advanced.contains(key(task.taskId(), ready.attempt()))) {
                            outcome = Outcome.STALE;
                        } else {
                            outcome = placeable.contains(task.requirements()) ? Outcome.QUEUED
                                    : Outcome.QUEUED_UNPLACEABLE;
                        }
                        outcomes.add(outcome);
                    }
                    return outcomes;
                });
            });
        })).invoke(outcomes -> {
            for (int i = 0; i < batch.size(); i++) {
                report(outcomes.get(i), batch.get(i).task(), batch.get(i).attempt());
            }
        });
    }

    private Uni<Set<String>> cancelled(List<TaskReady> batch) {
        List<String> jobIds = batch.stream().map(r -> r.task().jobId()).distinct().toList();
        return Panache.getSession().chain(session -> session.createQuery(
                        "select c.jobId from CancelledJob c where c.jobId in (:ids)", String.class)
                .setParameter("ids", jobIds).getResultList()).map(Set::copyOf);
    }

    /** Records each attempt unless the task already has this or a newer one; returns the advanced task#attempt keys. */
    private Uni<Set<String>> advance(Collection<TaskReady> ready) {
        if (ready.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<TaskReady> rows = List.copyOf(ready);
        StringBuilder sql = new StringBuilder(advanceAttempts);
        values(sql, rows.size(), "(:t%d, :a%d)");
        sql.append(" on conflict (task_id) do update set attempt = excluded.attempt")
                .append(" where a.attempt < excluded.attempt returning task_id, attempt");
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql.toString(), Object[].class);
            for (int i = 0; i < rows.size(); i++) {
                query.setParameter("t" + i, rows.get(i).task().taskId()).setParameter("a" + i, rows.get(i).attempt());
            }
            return query.getResultList();
        }).map(result -> {
            Set<String> advanced = new HashSet<>();
            result.forEach(row -> advanced.add(key((String) row[0], ((Number) row[1]).intValue())));
            return advanced;
        });
    }

    /** Replaces each task's older queued or dispatched attempt by the new one, ranked by its job's first sight. */
    private Uni<Void> insert(List<TaskReady> queued, Instant now) {
        if (queued.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> taskIds = queued.stream().map(r -> r.task().taskId()).toList();
        Map<String, Instant> firstReady = new TreeMap<>();
        for (TaskReady ready : queued) {
            firstReady.merge(ready.task().jobId(), readyAt(ready, now), (a, b) -> a.isBefore(b) ? a : b);
        }
        StringBuilder seen = new StringBuilder(seeJobs);
        values(seen, firstReady.size(), "(:j%d, :s%d)");
        seen.append(" on conflict (job_id) do update set first_seen = least(j.first_seen, excluded.first_seen)");
        StringBuilder pending = new StringBuilder(insertPending);
        values(pending, queued.size(), "(:t%d, cast(:a%d as integer), :j%d, :c%d, cast(:mc%d as integer),"
                + " cast(:mm%d as integer), cast(:p%d as integer), cast(:v%d as boolean), cast(:o%d as integer),"
                + " cast(:r%d as timestamptz), :x%d)");
        pending.append(insertPendingEnd);
        return Panache.getSession().chain(session -> session.createNativeQuery(dropOlderDispatches)
                        .setParameter("ids", taskIds).executeUpdate()
                        .chain(() -> session.createNativeQuery(dropPending).setParameter("ids", taskIds).executeUpdate())
                        .chain(() -> {
                            Mutiny.MutationQuery query = session.createNativeQuery(seen.toString());
                            int i = 0;
                            for (Map.Entry<String, Instant> job : firstReady.entrySet()) {
                                query.setParameter("j" + i, job.getKey())
                                        .setParameter("s" + i, OffsetDateTime.ofInstant(job.getValue(), ZoneOffset.UTC));
                                i++;
                            }
                            return query.executeUpdate();
                        })
                        .chain(() -> {
                            Mutiny.MutationQuery query = session.createNativeQuery(pending.toString());
                            for (int i = 0; i < queued.size(); i++) {
                                TaskReady ready = queued.get(i);
                                TaskPlanned task = ready.task();
                                query.setParameter("t" + i, task.taskId())
                                        .setParameter("a" + i, ready.attempt())
                                        .setParameter("j" + i, task.jobId())
                                        .setParameter("c" + i, task.requirements().capability().id())
                                        .setParameter("mc" + i, task.requirements().minCores())
                                        .setParameter("mm" + i, task.requirements().minMemoryMb())
                                        .setParameter("p" + i, task.priority())
                                        .setParameter("v" + i, task.preview())
                                        .setParameter("o" + i, task.order())
                                        .setParameter("r" + i, OffsetDateTime.ofInstant(readyAt(ready, now), ZoneOffset.UTC))
                                        .setParameter("x" + i, Json.write(task));
                            }
                            return query.executeUpdate();
                        }))
                .replaceWithVoid();
    }

    /** The requirements among the queued tasks' that some live worker satisfies. */
    private Uni<Set<Requirements>> placeable(List<TaskReady> queued) {
        Set<Requirements> placeable = new HashSet<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Requirements requirements : queued.stream().map(r -> r.task().requirements()).distinct().toList()) {
            chain = chain.chain(() -> workers.canPlace(requirements).invoke(can -> {
                if (can) {
                    placeable.add(requirements);
                }
            })).replaceWithVoid();
        }
        return chain.replaceWith(placeable);
    }

    private static Instant readyAt(TaskReady ready, Instant now) {
        return ready.readyAt() == null ? now : ready.readyAt();
    }

    private static void values(StringBuilder sql, int rows, String row) {
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row.replace("%d", Integer.toString(i)));
        }
    }

    private static String key(String taskId, int attempt) {
        return taskId + "#" + attempt;
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

    /** Checks what queueing needs of a TaskReady; throws naming the field. */
    static void validate(TaskReady ready) {
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
}
