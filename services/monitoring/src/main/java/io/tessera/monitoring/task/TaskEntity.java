package io.tessera.monitoring.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tessera.contracts.Capability;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.tasks.TaskPlanned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A task's state, current attempt (the fencing token) and lease, plus the TaskPlanned it is republished from. */
@Entity
@Table(name = "task")
public class TaskEntity extends PanacheEntityBase {

    @Id
    @Column(name = "task_id")
    public String taskId;

    @Column(name = "job_id", nullable = false)
    public String jobId;

    @Column(name = "task_index", nullable = false)
    public int index;

    @Column(name = "frame_start", nullable = false)
    public int frameStart;

    @Column(name = "frame_end", nullable = false)
    public int frameEnd;

    /** Lowercase capability id ({@code cpu}, {@code gpu}). */
    @Column(nullable = false)
    public String capability;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskState state;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "worker_id")
    public String workerId;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "frames_done", nullable = false)
    public int framesDone;

    public String reason;

    /** Grows with every change of the task; the version of its TaskStatusChanged events. */
    @Column(nullable = false)
    public long version;

    /** The TaskPlanned event as JSON, republished inside TaskDispatched. */
    @Column(nullable = false)
    public String planned;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new QUEUED task at attempt 1 from its plan. */
    public static TaskEntity queued(TaskPlanned plan, Instant now) {
        TaskEntity task = new TaskEntity();
        task.taskId = plan.taskId();
        task.jobId = plan.jobId();
        task.index = plan.index();
        task.frameStart = plan.frameStart();
        task.frameEnd = plan.frameEnd();
        task.capability = plan.requirements().capability().id();
        task.state = TaskState.QUEUED;
        task.attempt = 1;
        task.planned = Json.write(plan);
        task.updatedAt = now;
        return task;
    }

    /** The plan this task was created from. */
    public TaskPlanned plan() {
        return Json.read(planned, TaskPlanned.class);
    }

    /** The capability of the workers that run it. */
    public Capability capabilityValue() {
        return Capability.fromId(capability);
    }

    /** Frames this task renders. */
    public int frameCount() {
        return frameEnd - frameStart + 1;
    }

    /** The view {@link TaskLifecycle} decides on. */
    public TaskSnapshot snapshot() {
        return new TaskSnapshot(state, attempt, workerId);
    }
}
