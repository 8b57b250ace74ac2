package io.tessera.assignment.dispatch;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tessera.assignment.placement.Capacity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A task attempt handed to a worker and not finished yet: it takes one of the worker's slots. */
@Entity
@Table(name = "dispatched_task")
public class DispatchedTask extends PanacheEntityBase {

    @Id
    @Column(name = "task_id")
    public String taskId;

    public int attempt;

    @Column(name = "job_id")
    public String jobId;

    /** {@code cpu} or {@code gpu}. */
    public String capability;

    /** The worker it was dispatched to, or the one that started it. */
    @Column(name = "worker_id")
    public String workerId;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    /** Whether a TaskStarted of this attempt arrived. */
    public boolean started;

    @Column(name = "started_at")
    public Instant startedAt;

    /** The dispatch as the capacity accounting sees it. */
    public Capacity.Dispatch dispatch() {
        return new Capacity.Dispatch(taskId, attempt, workerId, dispatchedAt, started, startedAt);
    }
}
