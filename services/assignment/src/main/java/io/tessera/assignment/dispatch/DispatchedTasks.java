package io.tessera.assignment.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskEvent;
import io.tessera.contracts.tasks.TaskStarted;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    private final String markStarted;
    private final String delete;

    DispatchedTasks(@ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.markStarted = "update " + schema + ".dispatched_task set started = true, started_at = :startedAt,"
                + " worker_id = coalesce(cast(:workerId as varchar), worker_id) where task_id = :taskId and attempt = :attempt";
        this.delete = "delete from " + schema + ".dispatched_task where task_id = :taskId and attempt = :attempt";
    }

    /**
     * Marks the attempt started in its own transaction; completes with the rows changed (0: not dispatched here).
     *
     * @throws InvalidEventException when the event names no task
     */
    public Uni<Integer> started(TaskStarted event) {
        validate(event);
        Instant at = event.startedAt() == null ? Instant.now() : event.startedAt();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(markStarted)
                .setParameter("startedAt", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .setParameter("workerId", event.workerId())
                .setParameter("taskId", event.taskId())
                .setParameter("attempt", event.attempt())
                .executeUpdate()));
    }

    /**
     * Frees the attempt's slot in its own transaction; completes with the rows removed.
     *
     * @throws InvalidEventException when the event names no task
     */
    public Uni<Integer> finished(TaskEvent event) {
        validate(event);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(delete)
                .setParameter("taskId", event.taskId())
                .setParameter("attempt", event.attempt())
                .executeUpdate()));
    }

    private static void validate(TaskEvent event) {
        if (event.taskId() == null || event.taskId().isBlank()) {
            throw new InvalidEventException("taskId: is required");
        }
    }
}
