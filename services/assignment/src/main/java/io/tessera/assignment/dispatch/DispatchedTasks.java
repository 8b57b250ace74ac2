package io.tessera.assignment.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskEvent;
import io.tessera.contracts.tasks.TaskStarted;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import io.tessera.contracts.tasks.TaskCompleted;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.reactive.mutiny.Mutiny;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The capacity bookkeeping of dispatched attempts: started (on the worker that actually took it, which may differ
 * from the chosen one after a partition moved) or finished (the row goes, its slot is free). Both are idempotent
 * and touch only the row of the event's attempt, so a redelivered or stale event changes nothing wrong.
 */
@ApplicationScoped
public class DispatchedTasks {

    /** Weight of one completed task in a worker's mean task time. */
    static final double TASK_WEIGHT = 0.2;

    private final String markAllStarted;
    private final String deleteAll;
    private final String updateTaskMillis;

    DispatchedTasks(@ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.markAllStarted = "update " + schema + ".dispatched_task d set started = true, started_at = v.started_at,"
                + " worker_id = coalesce(v.worker_id, d.worker_id) from (values %s) as v (task_id, attempt,"
                + " started_at, worker_id) where d.task_id = v.task_id and d.attempt = v.attempt";
        this.deleteAll = "delete from " + schema + ".dispatched_task d using (values %s) as v (task_id, attempt)"
                + " where d.task_id = v.task_id and d.attempt = v.attempt";
        this.updateTaskMillis = "update " + schema + ".worker w set task_millis = case when w.task_millis is null"
                + " then v.millis else w.task_millis * (1 - v.weight) + v.millis * v.weight end from (values %s)"
                + " as v (worker_id, millis, weight) where w.worker_id = v.worker_id";
    }

    /**
     * Applies a poll of task events in one transaction with two multi-row statements: the started attempts are
     * marked started, then the finished ones (completed or failed) removed; completes with the rows changed.
     *
     * @throws InvalidEventException when an event names no task
     */
    public Uni<Integer> applyAll(List<TaskStarted> started, List<TaskEvent> finished) {
        started.forEach(DispatchedTasks::validate);
        finished.forEach(DispatchedTasks::validate);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> {
            Uni<Integer> marked = Uni.createFrom().item(0);
            if (!started.isEmpty()) {
                StringBuilder rows = new StringBuilder();
                for (int i = 0; i < started.size(); i++) {
                    rows.append(i == 0 ? "" : ", ").append("(:t").append(i).append(", cast(:a").append(i)
                            .append(" as integer), cast(:s").append(i).append(" as timestamptz), cast(:w").append(i)
                            .append(" as varchar))");
                }
                Mutiny.MutationQuery query = session.createNativeQuery(String.format(markAllStarted, rows));
                for (int i = 0; i < started.size(); i++) {
                    TaskStarted event = started.get(i);
                    Instant at = event.startedAt() == null ? Instant.now() : event.startedAt();
                    query.setParameter("t" + i, event.taskId()).setParameter("a" + i, event.attempt())
                            .setParameter("s" + i, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                            .setParameter("w" + i, event.workerId());
                }
                marked = query.executeUpdate();
            }
            return marked.chain(count -> {
                if (finished.isEmpty()) {
                    return Uni.createFrom().item(count);
                }
                StringBuilder rows = new StringBuilder();
                for (int i = 0; i < finished.size(); i++) {
                    rows.append(i == 0 ? "" : ", ").append("(:t").append(i).append(", cast(:a").append(i)
                            .append(" as integer))");
                }
                Mutiny.MutationQuery query = session.createNativeQuery(String.format(deleteAll, rows));
                for (int i = 0; i < finished.size(); i++) {
                    query.setParameter("t" + i, finished.get(i).taskId()).setParameter("a" + i,
                            finished.get(i).attempt());
                }
                return query.executeUpdate().map(removed -> count + removed);
            }).call(() -> taskMillis(session, finished));
        }));
    }

    /**
     * Folds the render times of completed attempts into each worker's mean task time: an exponentially weighted
     * mean, each task weighing {@value #TASK_WEIGHT}.
     */
    private Uni<Integer> taskMillis(Mutiny.Session session, List<TaskEvent> finished) {
        Map<String, long[]> byWorker = new TreeMap<>();
        for (TaskEvent event : finished) {
            if (event instanceof TaskCompleted completed && completed.workerId() != null) {
                long[] sum = byWorker.computeIfAbsent(completed.workerId(), w -> new long[2]);
                sum[0] += Math.max(0, completed.renderMillis());
                sum[1]++;
            }
        }
        if (byWorker.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < byWorker.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(:w").append(i).append(", cast(:m").append(i)
                    .append(" as double precision), cast(:k").append(i).append(" as double precision))");
        }
        Mutiny.MutationQuery query = session.createNativeQuery(String.format(updateTaskMillis, rows));
        int i = 0;
        for (Map.Entry<String, long[]> worker : byWorker.entrySet()) {
            double mean = (double) worker.getValue()[0] / worker.getValue()[1];
            double weight = 1 - Math.pow(1 - TASK_WEIGHT, worker.getValue()[1]);
            query.setParameter("w" + i, worker.getKey()).setParameter("m" + i, mean).setParameter("k" + i, weight);
            i++;
        }
        return query.executeUpdate();
    }

    private static void validate(TaskEvent event) {
        if (event.taskId() == null || event.taskId().isBlank()) {
            throw new InvalidEventException("taskId: is required");
        }
    }
}
