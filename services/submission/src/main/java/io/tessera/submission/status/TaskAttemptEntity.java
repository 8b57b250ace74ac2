package io.tessera.submission.status;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * Read model of one attempt of a task that ended badly: FAILED (the worker reported why: exit code or message, log
 * tail) or STALLED (its lease expired), with the worker and the time, from monitoring's TaskStatusChanged.
 */
@Entity
@Table(name = "job_task_attempt")
@IdClass(TaskAttemptEntity.Key.class)
public class TaskAttemptEntity {

    /** The primary key: task and attempt. */
    public record Key(String taskId, int attempt) implements Serializable {

        /** For JPA. */
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "task_id")
    public String taskId;

    @Id
    public int attempt;

    @Column(name = "job_id")
    public String jobId;

    /** FAILED or STALLED. */
    public String outcome;

    @Column(name = "worker_id")
    public String workerId;

    public String reason;

    @Column(name = "ended_at")
    public Instant endedAt;
}
