package io.tessera.provisioning.scaling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.tessera.contracts.Capability;
import io.tessera.provisioning.workers.WorkerScaler;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Provisioning's meters: {@code tessera_provisioning_actions_total{capability,action}} and
 * {@code tessera_provisioned_workers{capability}} (running workers this service started).
 */
@Startup
@ApplicationScoped
public class ProvisioningMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    WorkerScaler scaler;

    @PostConstruct
    void registerGauges() {
        for (Capability capability : Capability.values()) {
            Gauge.builder("tessera.provisioned.workers", scaler, s -> s.running(capability).size())
                    .description("Running workers that provisioning started")
                    .tag("capability", capability.id())
                    .register(registry);
        }
    }

    /** Counts one STARTED or STOPPED action. */
    public void action(Capability capability, String action) {
        Counter.builder("tessera.provisioning.actions")
                .description("Workers provisioning started or stopped")
                .tag("capability", capability.id())
                .tag("action", action)
                .register(registry)
                .increment();
    }
}
