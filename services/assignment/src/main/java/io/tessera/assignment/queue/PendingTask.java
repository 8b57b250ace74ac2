package io.tessera.assignment.queue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tessera.assignment.placement.QueuedTask;
import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.TaskPlanned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A ready task attempt waiting in the queue for a free worker of its capability. */
@Entity
@Table(name = "pending_task")
public class PendingTask extends PanacheEntityBase {

    @Id
    @Column(name = "task_id")
    public String taskId;

    public int attempt;

    @Column(name = "job_id")
    public String jobId;

    /** {@code cpu} or {@code gpu}. */
    public String capability;

    @Column(name = "min_cores")
    public Integer minCores;

    @Column(name = "min_memory_mb")
    public Integer minMemoryMb;

    /** The job's priority, 0–100. */
    public int priority;

    /** A key-frame task of a preview job. */
    public boolean preview;

    /** When assignment first saw a ready task of this job. */
    @Column(name = "job_seen_at")
    public Instant jobSeenAt;

    /** The task's dispatch order within its job (0 first). */
    @Column(name = "task_order")
    public int taskOrder;

    /** When monitoring declared this attempt ready. */
    @Column(name = "ready_at")
    public Instant readyAt;

    /** The TaskPlanned as JSON, handed on in the TaskDispatched. */
    @Column(name = "task_json")
    public String taskJson;

    /** The task's capability. */
    public Capability capability() {
        return Capability.fromId(capability);
    }

    /** The task as the placement policy ranks and matches it. */
    public QueuedTask queued() {
        return new QueuedTask(taskId, attempt, jobId, new Requirements(capability(), minCores, minMemoryMb), preview,
                priority, jobSeenAt, taskOrder);
    }

    /** The planned task. */
    public TaskPlanned task() {
        return Json.read(taskJson, TaskPlanned.class);
    }
}
