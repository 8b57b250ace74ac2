package io.tessera.assignment.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.Capability;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The gauge {@code tessera_queue_depth{capability}}: tasks queued and not dispatched yet, recomputed every
 * {@code tessera.assignment.gauge-refresh}.
 */
@ApplicationScoped
public class QueueGauges {

    private static final Logger LOG = Logger.getLogger(QueueGauges.class);

    private final Map<Capability, AtomicLong> depth = new EnumMap<>(Capability.class);
    private volatile boolean failing;

    QueueGauges(MeterRegistry meters) {
        for (Capability capability : Capability.values()) {
            depth.put(capability, new AtomicLong());
            Gauge.builder("tessera_queue_depth", depth.get(capability), AtomicLong::get)
                    .description("Ready tasks waiting for a free worker").tag("capability", capability.id())
                    .register(meters);
        }
    }

    @Scheduled(every = "${tessera.assignment.gauge-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(() -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Capability capability : Capability.values()) {
                        all = all.chain(() -> PendingTask.count("capability", capability.id())
                                .invoke(count -> depth.get(capability).set(count))
                                .replaceWithVoid());
                    }
                    return all;
                })
                .invoke(() -> failing = false)
                .onFailure().invoke(e -> {
                    if (!failing) {
                        LOG.warnf("Queue depth gauge not refreshed (will retry): %s", e.getMessage());
                    }
                    failing = true;
                })
                .onFailure().recoverWithNull();
    }
}
