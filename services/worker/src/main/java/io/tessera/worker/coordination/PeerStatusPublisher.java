package io.tessera.worker.coordination;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tessera.contracts.Topics;
import io.tessera.contracts.coordination.PeerStatus;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.worker.config.WorkerConfig;
import io.tessera.worker.events.KafkaSender;
import io.tessera.worker.lifecycle.WorkerState;
import io.tessera.worker.tasks.OwnedPartitions;
import io.tessera.worker.tasks.Slots;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Tells the peers this worker's load (PeerStatus on {@code farm.coordination.v1}, key workerId) whenever a slot is
 * taken or freed or a task starts or stops waiting ({@link #changed()}, coalesced: one status in flight at a time,
 * at most one per {@code tessera.worker.peer-status-min-interval}, describing the worker when it is sent) and every
 * heartbeat interval. A status is a periodic fact: a lost one is
 * logged and the next one replaces it. Only in hybrid and decentralized modes.
 */
@ApplicationScoped
public class PeerStatusPublisher {

    /** The outgoing channel of the coordination topic. */
    public static final String CHANNEL = "coordination-out";

    private static final Logger LOG = Logger.getLogger(PeerStatusPublisher.class);

    private final AtomicBoolean pending = new AtomicBoolean();
    /** When the last status was sent ({@link System#nanoTime()}); touched by the sender thread only. */
    private long lastSent = System.nanoTime() - TimeUnit.MINUTES.toNanos(1);
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "peer-status");
        t.setDaemon(true);
        return t;
    });

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;

    @Inject
    WorkerConfig config;

    @Inject
    WorkerState state;

    @Inject
    Slots slots;

    @Inject
    OwnedPartitions partitions;

    @Inject
    PeerCoordination coordination;

    /** Something peers care about changed: sends a fresh status soon. Cheap; call from any thread. */
    public void changed() {
        if (!coordination.handOff() || !state.started() || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            sender.execute(this::send);
        } catch (RejectedExecutionException e) {
            pending.set(false);
        }
    }

    /**
     * Not before the application started: the first run could otherwise create this bean while messaging is still
     * wiring its channels, and fail to inject the emitter.
     */
    @Scheduled(every = "${tessera.worker.heartbeat-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodic() {
        changed();
    }

    @PreDestroy
    void close() {
        sender.shutdownNow();
    }

    /** This worker's load now. */
    public PeerStatus current() {
        return new PeerStatus(config.id(), config.capability(), slots.total(), state.acceptsWork() ? slots.free() : 0,
                coordination.waiting(), partitions.current(), state.heartbeatState(), Instant.now());
    }

    private void send() {
        long wait = config.peerStatusMinInterval().toNanos() - (System.nanoTime() - lastSent);
        if (wait > 0) {
            LockSupport.parkNanos(wait); // changes meanwhile coalesce into this status
        }
        pending.set(false);
        lastSent = System.nanoTime();
        PeerStatus status = current();
        try {
            KafkaSender.send(emitter, Topics.COORDINATION, status.workerId(),
                    EventEnvelope.of(UUID.randomUUID().toString(), KafkaSender.SOURCE, status))
                    .await().atMost(config.heartbeatInterval().multipliedBy(2));
        } catch (RuntimeException e) {
            LOG.debugf("PeerStatus of worker %s not sent: %s", config.id(), e);
        }
    }
}
