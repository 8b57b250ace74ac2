package io.tessera.submission.status;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.messaging.outbox.OutboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The attempts of each task that ended badly: every FAILED or STALLED TaskStatusChanged of monitoring is one row,
 * keyed by task and attempt, so a redelivered or older event adds nothing and none is lost to a newer status.
 */
@ApplicationScoped
public class TaskAttempts implements PanacheRepositoryBase<TaskAttemptEntity, TaskAttemptEntity.Key> {

    /** Rows per multi-row insert of {@link #recordAll}: 7 parameters each, far below PostgreSQL's 65,535. */
    static final int ROWS_PER_INSERT = 500;

    private final String insertPrefix;

    TaskAttempts(OutboxConfig config) {
        this.insertPrefix = "insert into " + config.schema() + ".job_task_attempt (task_id, attempt, job_id, outcome,"
                + " worker_id, reason, ended_at) values ";
    }

    /**
     * Records the attempt of every status that says FAILED or STALLED, in list order, with multi-row inserts (one
     * round trip per {@value #ROWS_PER_INSERT} attempts); an attempt already recorded keeps its first row. Call
     * inside a transaction.
     */
    Uni<Void> recordAll(List<TaskStatusChanged> statuses) {
        Map<TaskAttemptEntity.Key, TaskStatusChanged> ended = new LinkedHashMap<>();
        for (TaskStatusChanged status : statuses) {
            if (status.state() == TaskState.FAILED || status.state() == TaskState.STALLED) {
                ended.putIfAbsent(new TaskAttemptEntity.Key(status.taskId(), status.attempt()), status);
            }
        }
        List<TaskStatusChanged> rows = List.copyOf(ended.values());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<TaskStatusChanged> slice = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            chain = chain.chain(() -> insertAll(slice));
        }
        return chain;
    }

    private Uni<Void> insertAll(List<TaskStatusChanged> slice) {
        StringBuilder sql = new StringBuilder(insertPrefix);
        for (int i = 0; i < slice.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:t").append(i).append(", :a").append(i).append(", :j").append(i)
                    .append(", :o").append(i).append(", :w").append(i).append(", :r").append(i).append(", :e")
                    .append(i).append(')');
        }
        sql.append(" on conflict (task_id, attempt) do nothing");
        return Panache.getSession().chain(session -> {
            Mutiny.MutationQuery query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < slice.size(); i++) {
                TaskStatusChanged status = slice.get(i);
                Instant at = (status.at() != null ? status.at() : Instant.now()).truncatedTo(ChronoUnit.MICROS);
                query.setParameter("t" + i, status.taskId())
                        .setParameter("a" + i, status.attempt())
                        .setParameter("j" + i, status.jobId())
                        .setParameter("o" + i, status.state().name())
                        .setParameter("w" + i, status.workerId())
                        .setParameter("r" + i, status.reason())
                        .setParameter("e" + i, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /** The task's failed and stalled attempts, oldest first; call inside a session. */
    Uni<List<AttemptView>> of(String taskId) {
        return list("taskId", Sort.ascending("attempt"), taskId)
                .map(attempts -> attempts.stream().map(AttemptView::of).toList());
    }
}
