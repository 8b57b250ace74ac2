package io.tessera.segmentation.auto;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tessera.contracts.tasks.TaskPlanned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A task of an {@code autoChunk} job, with the render time of its first reported completion. */
@Entity
@Table(name = "auto_task")
public class AutoTaskEntity extends PanacheEntityBase {

    @Id
    @Column(name = "task_id")
    public String taskId;

    @Column(name = "job_id")
    public String jobId;

    @Column(name = "task_index")
    public int index;

    /** The wave that planned the task. */
    public int wave;

    @Column(name = "frame_start")
    public int frameStart;

    @Column(name = "frame_end")
    public int frameEnd;

    /** TaskCompleted.renderMillis of the first completion seen; null until then. */
    @Column(name = "render_millis")
    public Long renderMillis;

    @Column(name = "completed_at")
    public Instant completedAt;

    static AutoTaskEntity of(TaskPlanned task, int wave) {
        AutoTaskEntity row = new AutoTaskEntity();
        row.taskId = task.taskId();
        row.jobId = task.jobId();
        row.index = task.index();
        row.wave = wave;
        row.frameStart = task.frameStart();
        row.frameEnd = task.frameEnd();
        return row;
    }

    /** Frames the task renders. */
    long frames() {
        return (long) frameEnd - frameStart + 1;
    }
}
