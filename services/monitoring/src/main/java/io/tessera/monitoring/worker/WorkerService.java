package io.tessera.monitoring.worker;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.workers.Lease;
import io.tessera.contracts.workers.WorkerHeartbeat;
import io.tessera.monitoring.MonitoringConfig;
import io.tessera.monitoring.lease.LeaseRevocations;
import io.tessera.monitoring.task.TaskEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Applies worker heartbeats: keeps the worker row for farm status and renews the lease of every task the worker
 * lists that is RUNNING on it with that attempt. A listed attempt that is no longer the worker's (superseded after
 * its lease expired, cancelled, or running on another worker) is revoked ({@link LeaseRevocations}), so a worker
 * that was frozen or cut off stops rendering it. Heartbeats are periodic facts (random ids) and idempotent, so no
 * inbox entry is written.
 */
@ApplicationScoped
public class WorkerService {

    private final MonitoringConfig config;
    private final LeaseRevocations revocations;

    WorkerService(MonitoringConfig config, LeaseRevocations revocations) {
        this.config = config;
        this.revocations = revocations;
    }

    /** Records the heartbeat and renews the leases it lists. */
    public Uni<Void> heartbeat(WorkerHeartbeat beat) {
        if (beat.workerId() == null || beat.workerId().isBlank()) {
            throw new InvalidEventException("workerId: is required");
        }
        if (beat.capability() == null) {
            throw new InvalidEventException("capability: is required");
        }
        Instant now = Instant.now();
        return Panache.withTransaction(() -> WorkerEntity.<WorkerEntity>findById(beat.workerId())
                .chain(existing -> {
                    WorkerEntity worker = existing == null ? new WorkerEntity() : existing;
                    worker.workerId = beat.workerId();
                    worker.capability = beat.capability().id();
                    worker.slots = beat.slots();
                    worker.freeSlots = beat.freeSlots();
                    worker.state = beat.state() == null ? "RUNNING" : beat.state();
                    worker.lastSeen = now;
                    return existing == null ? worker.persist().replaceWithVoid() : Uni.createFrom().voidItem();
                })
                .chain(() -> renew(beat, now)));
    }

    private Uni<Void> renew(WorkerHeartbeat beat, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (beat.leases() == null) {
            return chain;
        }
        Instant expiresAt = now.plus(config.leaseTimeout());
        for (Lease lease : beat.leases()) {
            if (lease == null || lease.taskId() == null) {
                continue;
            }
            chain = chain.chain(() -> TaskEntity.update("leaseExpiresAt = ?1, updatedAt = ?2"
                            + " where taskId = ?3 and attempt = ?4 and workerId = ?5 and state = ?6",
                    expiresAt, now, lease.taskId(), lease.attempt(), beat.workerId(), TaskState.RUNNING)
                    .chain(renewed -> renewed > 0 ? Uni.createFrom().voidItem() : revokeIfGone(beat, lease, now)));
        }
        return chain;
    }

    private Uni<Void> revokeIfGone(WorkerHeartbeat beat, Lease lease, Instant now) {
        return TaskEntity.<TaskEntity>findById(lease.taskId()).chain(task -> task == null
                ? Uni.createFrom().voidItem()
                : revocations.revokeIfGone(task, beat.workerId(), lease.attempt(), now).replaceWithVoid());
    }
}
