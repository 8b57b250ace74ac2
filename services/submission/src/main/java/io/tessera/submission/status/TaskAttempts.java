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
import java.util.List;

/**
 * The attempts of each task that ended badly: every FAILED or STALLED TaskStatusChanged of monitoring is one row,
 * keyed by task and attempt, so a redelivered or older event adds nothing and none is lost to a newer status.
 */
@ApplicationScoped
public class TaskAttempts implements PanacheRepositoryBase<TaskAttemptEntity, TaskAttemptEntity.Key> {

    private final String insert;

    TaskAttempts(OutboxConfig config) {
        this.insert = "insert into " + config.schema() + ".job_task_attempt (task_id, attempt, job_id, outcome,"
                + " worker_id, reason, ended_at) values (:taskId, :attempt, :jobId, :outcome, :workerId, :reason, :at)"
                + " on conflict (task_id, attempt) do nothing";
    }

    /** Records the attempt when the status says it FAILED or STALLED; call inside a transaction. */
    Uni<Void> record(TaskStatusChanged status) {
        if (status.state() != TaskState.FAILED && status.state() != TaskState.STALLED) {
            return Uni.createFrom().voidItem();
        }
        Instant at = (status.at() != null ? status.at() : Instant.now()).truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession().chain(session -> session.createNativeQuery(insert)
                        .setParameter("taskId", status.taskId())
                        .setParameter("attempt", status.attempt())
                        .setParameter("jobId", status.jobId())
                        .setParameter("outcome", status.state().name())
                        .setParameter("workerId", status.workerId())
                        .setParameter("reason", status.reason())
                        .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The task's failed and stalled attempts, oldest first; call inside a session. */
    Uni<List<AttemptView>> of(String taskId) {
        return list("taskId", Sort.ascending("attempt"), taskId)
                .map(attempts -> attempts.stream().map(AttemptView::of).toList());
    }
}
