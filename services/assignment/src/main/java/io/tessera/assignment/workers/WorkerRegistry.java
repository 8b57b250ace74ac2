package io.tessera.assignment.workers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.assignment.AssignmentConfig;
import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.workers.WorkerHeartbeat;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The worker registry in PostgreSQL: every heartbeat upserts its worker's row, so replicas share the registry and
 * a restart rebuilds nothing. A heartbeat older than the row (a redelivery) changes nothing.
 */
@ApplicationScoped
public class WorkerRegistry {

    private final WorkerLiveness liveness;
    private final String upsert;

    WorkerRegistry(AssignmentConfig config,
                   @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.liveness = new WorkerLiveness(config.workerTimeout());
        this.upsert = "insert into " + schema + ".worker as w (worker_id, capability, slots, free_slots, cores,"
                + " memory_mb, gpus, gpu_source, state, host, last_seen, score, partitions, leases) values (:workerId,"
                + " :capability, :slots, :freeSlots, :cores, :memoryMb, :gpus, :gpuSource, :state, :host, :lastSeen,"
                + " :score, :partitions, :leases)"
                + " on conflict (worker_id) do update set capability = excluded.capability, slots = excluded.slots,"
                + " free_slots = excluded.free_slots, cores = excluded.cores, memory_mb = excluded.memory_mb,"
                + " gpus = excluded.gpus, gpu_source = excluded.gpu_source, state = excluded.state,"
                + " host = excluded.host, last_seen = excluded.last_seen, score = excluded.score,"
                + " partitions = excluded.partitions, leases = excluded.leases"
                + " where w.last_seen <= excluded.last_seen";
    }

    /** The liveness rule of the registry. */
    public WorkerLiveness liveness() {
        return liveness;
    }

    /**
     * Records a heartbeat in its own transaction.
     *
     * @throws InvalidEventException naming the field when the heartbeat cannot be recorded
     */
    public Uni<Void> record(WorkerHeartbeat beat) {
        if (beat.workerId() == null || beat.workerId().isBlank()) {
            throw new InvalidEventException("workerId: is required");
        }
        if (beat.capability() == null) {
            throw new InvalidEventException("capability: is required");
        }
        Instant lastSeen = WorkerLiveness.lastSeen(beat.sentAt(), Instant.now());
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(upsert)
                        .setParameter("workerId", beat.workerId())
                        .setParameter("capability", beat.capability().id())
                        .setParameter("slots", beat.slots())
                        .setParameter("freeSlots", beat.freeSlots())
                        .setParameter("cores", beat.cores())
                        .setParameter("memoryMb", beat.memoryMb())
                        .setParameter("gpus", Json.write(beat.gpus() == null ? List.of() : beat.gpus()))
                        .setParameter("gpuSource", beat.gpuSource())
                        .setParameter("state", beat.state() == null ? "RUNNING" : beat.state())
                        .setParameter("host", beat.host())
                        .setParameter("lastSeen", OffsetDateTime.ofInstant(lastSeen, ZoneOffset.UTC))
                        .setParameter("score", Double.isFinite(beat.score()) ? beat.score() : 0.0)
                        .setParameter("partitions", Json.write(beat.partitions()))
                        .setParameter("leases", Json.write(beat.leases() == null ? List.of() : beat.leases()))
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** Every registered worker, or those of one capability, ordered by id. */
    public Uni<List<Worker>> list(Optional<Capability> capability) {
        return Panache.withSession(() -> capability
                .map(c -> Worker.<Worker>list("capability = ?1 order by workerId", c.id()))
                .orElseGet(() -> Worker.<Worker>list("order by workerId")));
    }

    /** The live workers of {@code capability} at {@code now}; call inside a session. */
    public Uni<List<Worker>> live(Capability capability, Instant now) {
        return Worker.<Worker>list("capability", capability.id())
                .map(workers -> workers.stream().filter(w -> liveness.isLive(w, now)).toList());
    }

    /** Whether a live worker taking work satisfies {@code requirements}; call inside a session. */
    public Uni<Boolean> canPlace(Requirements requirements) {
        Instant now = Instant.now();
        return Worker.<Worker>list("capability", requirements.capability().id())
                .map(workers -> workers.stream().anyMatch(w -> liveness.acceptsWork(w, now)
                        && requirements.satisfiedBy(w.capability(), w.cores, w.memoryMb)));
    }
}
