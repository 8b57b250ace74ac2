package io.tessera.worker.heartbeat;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.workers.WorkerHeartbeat;
import io.tessera.worker.config.WorkerConfig;
import io.tessera.worker.config.WorkerIdConfigSource;
import io.tessera.worker.events.KafkaSender;
import io.tessera.worker.gpu.GpuInventory;
import io.tessera.worker.lifecycle.WorkerState;
import io.tessera.worker.calibration.WorkerScore;
import io.tessera.worker.tasks.OwnedPartitions;
import io.tessera.worker.tasks.RunningTasks;
import io.tessera.worker.tasks.Slots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes a WorkerHeartbeat to {@code farm.workers.v1} (key workerId, random ce_id) every
 * {@code tessera.worker.heartbeat-interval} (driven by {@link HeartbeatSchedule}): capability, slots, free slots,
 * cores, memory, GPUs, the leases of every running attempt, the calibration score and the task-topic partitions the
 * worker owns. While the worker drains (SIGTERM) its beats say DRAINING and announce no free slot; the last beat
 * says STOPPING.
 */
@ApplicationScoped
public class HeartbeatPublisher {

    /** The outgoing channel of heartbeats. */
    public static final String CHANNEL = "heartbeats";

    private static final long MB = 1024L * 1024L;

    private final String host = WorkerIdConfigSource.hostName();
    private final long pid = ProcessHandle.current().pid();

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;

    @Inject
    WorkerConfig config;

    @Inject
    GpuInventory gpus;

    @Inject
    Slots slots;

    @Inject
    RunningTasks running;

    @Inject
    WorkerState state;

    @Inject
    WorkerScore score;

    @Inject
    OwnedPartitions partitions;

    /** Sends one heartbeat with the worker's current state; completes on the broker's ack. */
    public Uni<Void> send() {
        WorkerHeartbeat beat = current();
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), KafkaSender.SOURCE, beat);
        return KafkaSender.send(emitter, Topics.WORKERS, beat.workerId(), envelope);
    }

    /** The heartbeat describing this worker now. */
    public WorkerHeartbeat current() {
        Runtime runtime = Runtime.getRuntime();
        long maxMemory = runtime.maxMemory() == Long.MAX_VALUE ? runtime.totalMemory() : runtime.maxMemory();
        int free = state.acceptsWork() ? slots.free() : 0;
        return new WorkerHeartbeat(config.id(), config.capability(), slots.total(), free,
                runtime.availableProcessors(), maxMemory / MB, gpus.gpus(), gpus.source(), running.leases(), host,
                pid, state.heartbeatState(), Instant.now(), score.score(), partitions.current());
    }
}
