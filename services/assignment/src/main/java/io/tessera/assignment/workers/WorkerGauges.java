package io.tessera.assignment.workers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.Capability;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The gauges {@code tessera_workers_live{capability}} and {@code tessera_worker_slots_free{capability}},
 * recomputed from the registry every {@code tessera.assignment.gauge-refresh}.
 */
@ApplicationScoped
public class WorkerGauges {

    private static final Logger LOG = Logger.getLogger(WorkerGauges.class);

    private final WorkerRegistry registry;
    private final Map<Capability, AtomicInteger> live = new EnumMap<>(Capability.class);
    private final Map<Capability, AtomicInteger> freeSlots = new EnumMap<>(Capability.class);
    private volatile boolean failing;

    WorkerGauges(WorkerRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        for (Capability capability : Capability.values()) {
            live.put(capability, new AtomicInteger());
            freeSlots.put(capability, new AtomicInteger());
            Gauge.builder("tessera_workers_live", live.get(capability), AtomicInteger::get)
                    .description("Live registered workers").tag("capability", capability.id()).register(meters);
            Gauge.builder("tessera_worker_slots_free", freeSlots.get(capability), AtomicInteger::get)
                    .description("Free slots of live workers").tag("capability", capability.id()).register(meters);
        }
    }

    @Scheduled(every = "${tessera.assignment.gauge-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return registry.list(Optional.empty())
                .invoke(this::update)
                .invoke(() -> failing = false)
                .onFailure().invoke(e -> {
                    if (!failing) {
                        LOG.warnf("Worker gauges not refreshed (will retry): %s", e.getMessage());
                    }
                    failing = true;
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void update(List<Worker> workers) {
        Instant now = Instant.now();
        for (Capability capability : Capability.values()) {
            List<Worker> liveOnes = workers.stream()
                    .filter(w -> capability.id().equals(w.capability) && registry.liveness().isLive(w, now))
                    .toList();
            live.get(capability).set(liveOnes.size());
            freeSlots.get(capability).set(liveOnes.stream().mapToInt(w -> w.freeSlots).sum());
        }
    }
}
