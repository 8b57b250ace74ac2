package io.tessera.assignment.dispatch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.assignment.queue.PendingTask;
import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The writes of a dispatch round, in the round's transaction, with multi-row statements: the chosen tasks leave
 * {@code pending_task}, enter {@code dispatched_task} (their capacity) and their TaskDispatched go to the outbox,
 * three round trips per round whatever the number of tasks (instead of three per task).
 */
@ApplicationScoped
public class DispatchWrites {

    /** Tasks per statement: 7 parameters each, far below PostgreSQL's 65,535. */
    static final int ROWS_PER_STATEMENT = 500;

    /** A task the round hands out: to {@code workerId} on {@code partition}, or to any worker when both are null. */
    public record Move(PendingTask task, String workerId, Integer partition) {
    }

    private final Outbox outbox;
    private final String deletePending;
    private final String insertDispatched;

    DispatchWrites(Outbox outbox,
                   @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.outbox = outbox;
        this.deletePending = "delete from " + schema + ".pending_task p using (values %s) as v (task_id, attempt)"
                + " where p.task_id = v.task_id and p.attempt = v.attempt";
        this.insertDispatched = "insert into " + schema + ".dispatched_task (task_id, attempt, job_id, capability,"
                + " worker_id, dispatched_at, started) values %s on conflict (task_id) do update set"
                + " attempt = excluded.attempt, job_id = excluded.job_id, capability = excluded.capability,"
                + " worker_id = excluded.worker_id, dispatched_at = excluded.dispatched_at, started = false,"
                + " started_at = null";
    }

    /** Moves every task of {@code moves} to dispatched and writes its TaskDispatched, in list order. */
    public Uni<Void> moveAll(Capability capability, List<Move> moves, Instant now) {
        if (moves.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < moves.size(); from += ROWS_PER_STATEMENT) {
            List<Move> slice = moves.subList(from, Math.min(moves.size(), from + ROWS_PER_STATEMENT));
            chain = chain.chain(() -> Panache.getSession()
                    .chain(session -> delete(session, slice).chain(() -> insert(session, capability, slice, now)))
                    .replaceWithVoid());
        }
        List<Outbox.Pending> events = new ArrayList<>(moves.size());
        for (Move move : moves) {
            PendingTask task = move.task();
            events.add(new Outbox.Pending(Topics.tasksFor(capability), task.taskId, move.partition(),
                    Dispatcher.eventId(task.taskId, task.attempt),
                    new TaskDispatched(task.task(), task.attempt, now, move.workerId())));
        }
        return chain.chain(() -> outbox.addAll(events));
    }

    private Uni<Integer> delete(Mutiny.Session session, List<Move> slice) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < slice.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(:t").append(i).append(", cast(:a").append(i)
                    .append(" as integer))");
        }
        Mutiny.MutationQuery query = session.createNativeQuery(String.format(deletePending, rows));
        for (int i = 0; i < slice.size(); i++) {
            query.setParameter("t" + i, slice.get(i).task().taskId).setParameter("a" + i, slice.get(i).task().attempt);
        }
        return query.executeUpdate();
    }

    private Uni<Integer> insert(Mutiny.Session session, Capability capability, List<Move> slice, Instant now) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < slice.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(:t").append(i).append(", cast(:a").append(i)
                    .append(" as integer), :j").append(i).append(", :capability, cast(:w").append(i)
                    .append(" as varchar), :at, false)");
        }
        Mutiny.MutationQuery query = session.createNativeQuery(String.format(insertDispatched, rows))
                .setParameter("capability", capability.id())
                .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        for (int i = 0; i < slice.size(); i++) {
            PendingTask task = slice.get(i).task();
            query.setParameter("t" + i, task.taskId).setParameter("a" + i, task.attempt)
                    .setParameter("j" + i, task.jobId).setParameter("w" + i, slice.get(i).workerId());
        }
        return query.executeUpdate();
    }
}
