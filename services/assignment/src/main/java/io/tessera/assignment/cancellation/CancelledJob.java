package io.tessera.assignment.cancellation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A job a studio cancelled: none of its tasks is dispatched any more. */
@Entity
@Table(name = "cancelled_job")
public class CancelledJob extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public String jobId;

    public String reason;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
