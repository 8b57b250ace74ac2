package io.tessera.submission.status;

import io.tessera.contracts.TaskState;
import io.tessera.contracts.tasks.TaskKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Read model of one task of a job: static information from its TaskPlanned (kind, part, region, passes,
 * dependencies, order) and the state as the latest TaskStatusChanged described it.
 */
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

    /** Render, assemble or composite; null until the TaskPlanned arrived. */
    @Enumerated(EnumType.STRING)
    public TaskKind kind;

    /** chunk, tile, pass, assembly or composite ({@code TaskPlanned.part()}). */
    public String part;

    @Column(name = "region_x")
    public Integer regionX;

    @Column(name = "region_y")
    public Integer regionY;

    @Column(name = "region_width")
    public Integer regionWidth;

    @Column(name = "region_height")
    public Integer regionHeight;

    /** The passes a render task writes, as a JSON array. */
    public String passes;

    /** Task ids of the same job this one waits for, as a JSON array. */
    @Column(name = "depends_on")
    public String dependsOn;

    /** Dispatch order within the job (0 first). */
    @Column(name = "task_order")
    public Integer order;

    /** The version of the applied TaskStatusChanged; -1 while only the TaskPlanned is known. */
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
