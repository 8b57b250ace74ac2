package io.tessera.provisioning.scaling;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tessera.contracts.Capability;
import io.tessera.contracts.status.FarmStatus;
import io.tessera.contracts.status.WorkerScaled;
import io.tessera.provisioning.ProvisioningConfig;
import io.tessera.provisioning.workers.WorkerScaler;
import io.tessera.provisioning.workers.WorkerStartException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Scales the workers of each capability: remembers the latest farm status, asks the {@link ScalingPolicy} on every
 * status and every {@code evaluate-every} tick, carries the decision out through the {@link WorkerScaler} and
 * publishes one {@link WorkerScaled} per started or stopped worker. On shutdown it stops the workers it started.
 */
@ApplicationScoped
public class ProvisioningService {

    private static final Logger LOG = Logger.getLogger(ProvisioningService.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    ProvisioningConfig config;

    @Inject
    WorkerScaler scaler;

    @Inject
    WorkerScaledPublisher publisher;

    @Inject
    ProvisioningMetrics metrics;

    private final Clock clock = Clock.systemUTC();
    private final Map<Capability, CapabilityWatch> watches = new EnumMap<>(Capability.class);
    private ScalingPolicy policy;
    private boolean stopping;

    @PostConstruct
    void init() {
        policy = new ScalingPolicy(config.tasksPerWorker(), config.scaleDownIdle(), config.cooldown());
        for (Capability capability : Capability.values()) {
            watches.put(capability, new CapabilityWatch());
        }
    }

    /**
     * Takes a new farm status into account and acts on it. Process handling runs on a worker thread; the Uni
     * completes when every resulting WorkerScaled event was acknowledged by the broker.
     */
    public Uni<Void> onStatus(FarmStatus status) {
        return Uni.createFrom().item(() -> observeAndEvaluate(status))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(this::publishAll);
    }

    /** Evaluates every capability again with its last status, so idle workers stop between statuses. */
    @Scheduled(every = "${tessera.provisioning.evaluate-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reevaluate() {
        for (Capability capability : Capability.values()) {
            List<WorkerScaled> events = evaluateAgain(capability);
            try {
                publishAll(events).await().atMost(PUBLISH_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Publishing %d WorkerScaled event(s) of capability %s failed", events.size(),
                        capability.id());
            }
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        List<String> started = new ArrayList<>();
        synchronized (this) {
            stopping = true;
            for (Capability capability : Capability.values()) {
                started.addAll(scaler.running(capability));
            }
        }
        for (String workerId : started) {
            scaler.stop(workerId);
        }
        if (!started.isEmpty()) {
            LOG.infof("Stopped %d worker(s) on shutdown: %s", started.size(), started);
        }
    }

    private synchronized List<WorkerScaled> observeAndEvaluate(FarmStatus status) {
        Instant now = clock.instant();
        watches.get(status.capability()).observe(status, now);
        return evaluate(status.capability(), now);
    }

    private synchronized List<WorkerScaled> evaluateAgain(Capability capability) {
        if (watches.get(capability).lastStatus() == null) {
            return List.of();
        }
        return evaluate(capability, clock.instant());
    }

    private List<WorkerScaled> evaluate(Capability capability, Instant now) {
        if (stopping) {
            return List.of();
        }
        CapabilityWatch watch = watches.get(capability);
        if (watch.awaitingNewWorkers(now)) {
            return List.of();
        }
        ProvisioningConfig.Limits limits = config.limits(capability);
        ScalingDecision decision = policy.decide(watch.lastStatus(), scaler.running(capability), limits.min(),
                limits.max(), watch.idle(now), watch.lastActionAt(), now);
        List<WorkerScaled> events = new ArrayList<>();
        switch (decision.action()) {
            case START -> {
                watch.acted(now);
                for (int i = 0; i < decision.count(); i++) {
                    String workerId = capability.id() + "-auto-" + watch.nextWorkerNumber();
                    try {
                        scaler.start(capability, workerId);
                    } catch (WorkerStartException e) {
                        LOG.errorf(e, "Starting worker %s (capability %s) failed", workerId, capability.id());
                        break;
                    }
                    events.add(scaled(capability, "STARTED", workerId, decision.reason(), now));
                }
                watch.expect(watch.lastStatus().workers() + events.size(), now.plus(config.startupGrace()));
            }
            case STOP -> {
                watch.acted(now);
                scaler.stop(decision.workerId());
                events.add(scaled(capability, "STOPPED", decision.workerId(), decision.reason(), now));
            }
            case NONE -> LOG.debugf("Capability %s: no action, %s", capability.id(), decision.reason());
        }
        return events;
    }

    private WorkerScaled scaled(Capability capability, String action, String workerId, String reason, Instant now) {
        metrics.action(capability, action);
        LOG.infof("Capability %s: %s worker %s, %s", capability.id(), action, workerId, reason);
        return new WorkerScaled(capability, action, workerId, reason, now);
    }

    private Uni<Void> publishAll(List<WorkerScaled> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = events.stream().map(publisher::publish).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }
}
