package io.tessera.submission.status;

import io.tessera.contracts.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model of one task of a job, as the latest TaskStatusChanged described it. */
@Entity
@Table(name = "job_task")
public class TaskEntity {

    @Id
    @Column(name = "task_id")
    public String taskId;

    @Column(name = "job_id")
    public String jobId;

    @Column(name = "task_index")
    public int index;

    @Column(name = "frame_start")
    public int frameStart;

    @Column(name = "frame_end")
    public int frameEnd;

    @Enumerated(EnumType.STRING)
    public TaskState state;

    public int attempt;

    @Column(name = "worker_id")
    public String workerId;

    public String reason;

    /** The version of the applied TaskStatusChanged. */
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
