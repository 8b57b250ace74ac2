package io.tessera.assignment.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskEvent;
import io.tessera.contracts.tasks.TaskStarted;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
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

    private final String markAllStarted;
    private final String deleteAll;

    DispatchedTasks(@ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.markAllStarted = "update " + schema + ".dispatched_task d set started = true, started_at = v.started_at,"
                + " worker_id = coalesce(v.worker_id, d.worker_id) from (values %s) as v (task_id, attempt,"
                + " started_at, worker_id) where d.task_id = v.task_id and d.attempt = v.attempt";
        this.deleteAll = "delete from " + schema + ".dispatched_task d using (values %s) as v (task_id, attempt)"
                + " where d.task_id = v.task_id and d.attempt = v.attempt";
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
            });
        }));
    }

    private static void validate(TaskEvent event) {
        if (event.taskId() == null || event.taskId().isBlank()) {
            throw new InvalidEventException("taskId: is required");
        }
    }
}
