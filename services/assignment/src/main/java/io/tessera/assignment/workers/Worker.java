package io.tessera.assignment.workers;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.workers.GpuInfo;
import io.tessera.contracts.workers.Lease;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A worker of the registry as its newest heartbeat described it. */
@Entity
@Table(name = "worker")
public class Worker extends PanacheEntityBase {

    @Id
    @Column(name = "worker_id")
    public String workerId;

    /** {@code cpu} or {@code gpu}. */
    public String capability;

    public int slots;

    @Column(name = "free_slots")
    public int freeSlots;

    public int cores;

    @Column(name = "memory_mb")
    public long memoryMb;

    /** The worker's GPUs as a JSON array of {@link GpuInfo}. */
    @Column(name = "gpus")
    public String gpusJson;

    @Column(name = "gpu_source")
    public String gpuSource;

    /** {@code RUNNING}, or {@code STOPPING} after the worker's last beat. */
    public String state;

    public String host;

    /** Calibration score of the worker (reference frames per second; higher is faster). */
    public double score;

    /** The partitions of its capability's task topic it consumes, as a JSON array of integers. */
    @Column(name = "partitions")
    public String partitionsJson;

    /** The task attempts it runs, as a JSON array of {@link Lease}. */
    @Column(name = "leases")
    public String leasesJson;

    /** When the newest heartbeat was sent (never later than when it was received). */
    @Column(name = "last_seen")
    public Instant lastSeen;

    /** Recent mean task time in milliseconds (from its TaskCompleted events); null until one completed. */
    @Column(name = "task_millis")
    public Double taskMillis;

    /** The worker's GPUs. */
    public List<GpuInfo> gpus() {
        return gpusJson == null || gpusJson.isBlank()
                ? List.of() : List.of(Json.read(gpusJson, GpuInfo[].class));
    }

    /** The partitions of its capability's task topic it consumes, ascending. */
    public List<Integer> partitions() {
        return partitionsJson == null || partitionsJson.isBlank()
                ? List.of() : List.of(Json.read(partitionsJson, Integer[].class)).stream().sorted().toList();
    }

    /** The task attempts it runs. */
    public List<Lease> leases() {
        return leasesJson == null || leasesJson.isBlank()
                ? List.of() : List.of(Json.read(leasesJson, Lease[].class));
    }

    /** The worker's capability. */
    public Capability capability() {
        return Capability.fromId(capability);
    }
}
