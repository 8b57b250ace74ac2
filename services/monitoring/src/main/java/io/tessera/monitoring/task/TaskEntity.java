package io.tessera.monitoring.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tessera.contracts.Capability;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.monitoring.dag.Readiness;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A task's state, current attempt (the fencing token) and lease, its dependencies, plus the TaskPlanned it is
 * announced from (TaskReady).
 */
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

    /**
     * Attempts used before the current attempt budget started: 0, or the attempt a DEAD task had reached when a
     * retry-failed requeued it (it then gets max-attempts attempts again).
     */
    @Column(name = "attempt_base", nullable = false)
    public int attemptBase;

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

    /** Ids of the tasks of the same job this one depends on, as a JSON array. */
    @Column(name = "depends_on", nullable = false)
    public String dependsOn;

    /** {@code render}, {@code assemble} or {@code composite}. */
    @Column(nullable = false)
    public String kind;

    /** {@code TaskPlanned.part()}: chunk, tile, pass, assembly or composite. */
    @Column(nullable = false)
    public String part;

    /** Dispatch order within the job (0 first). */
    @Column(name = "task_order", nullable = false)
    public int taskOrder;

    /** A key-frame task of a preview job. */
    @Column(nullable = false)
    public boolean preview;

    /** The TaskPlanned event as JSON, republished inside TaskReady. */
    @Column(nullable = false)
    public String planned;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new task at attempt 1 in {@code state} (QUEUED, WAITING or CANCELLED) from its plan. */
    public static TaskEntity planned(TaskPlanned plan, TaskState state, Instant now) {
        TaskEntity task = new TaskEntity();
        task.taskId = plan.taskId();
        task.jobId = plan.jobId();
        task.index = plan.index();
        task.frameStart = plan.frameStart();
        task.frameEnd = plan.frameEnd();
        task.capability = plan.requirements().capability().id();
        task.dependsOn = Json.write(plan.dependsOn());
        task.kind = plan.kind().id();
        task.part = plan.part();
        task.taskOrder = plan.order();
        task.preview = plan.preview();
        task.state = state;
        task.attempt = 1;
        task.planned = Json.write(plan);
        task.updatedAt = now;
        return task;
    }

    /** The plan this task was created from. */
    public TaskPlanned plan() {
        return Json.read(planned, TaskPlanned.class);
    }

    /** Ids of the tasks this one depends on. */
    public List<String> dependsOnIds() {
        return List.of(Json.read(dependsOn, String[].class));
    }

    /** The view {@link io.tessera.monitoring.dag.Readiness} decides on. */
    public Readiness.Node node() {
        return new Readiness.Node(taskId, state, dependsOnIds());
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
        return new TaskSnapshot(state, attempt, workerId, attemptBase);
    }
}
