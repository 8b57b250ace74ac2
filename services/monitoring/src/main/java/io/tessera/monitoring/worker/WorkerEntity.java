package io.tessera.monitoring.worker;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A worker as its last heartbeat described it. */
@Entity
@Table(name = "worker")
public class WorkerEntity extends PanacheEntityBase {

    @Id
    @Column(name = "worker_id")
    public String workerId;

    /** Lowercase capability id. */
    @Column(nullable = false)
    public String capability;

    @Column(nullable = false)
    public int slots;

    @Column(name = "free_slots", nullable = false)
    public int freeSlots;

    /** {@code RUNNING}, or {@code STOPPING} after its last beat. */
    @Column(nullable = false)
    public String state;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;
}
