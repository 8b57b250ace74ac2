package io.tessera.worker.gpu;

import io.quarkus.runtime.StartupEvent;
import io.tessera.worker.config.WorkerConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Detects the GPUs once and checks, before the Kafka consumers start, that a gpu worker has a GPU or is explicitly
 * allowed to simulate one; otherwise start-up fails with a message naming {@code tessera.worker.gpu.simulate}.
 */
@ApplicationScoped
public class GpuInventoryProducer {

    private static final Logger LOG = Logger.getLogger(GpuInventoryProducer.class);

    /** The worker's GPU inventory, detected once. */
    @Produces
    @Singleton
    GpuInventory inventory(WorkerConfig config) {
        GpuInventory inventory = GpuInventory.decide(config.capability(), GpuDetector.nvidiaSmi().detect(),
                config.gpu().simulate());
        if (inventory.simulated()) {
            LOG.warn("No GPU detected; running as a SIMULATED GPU worker because " + GpuInventory.SIMULATE_KEY
                    + "=true");
        } else if (!inventory.gpus().isEmpty()) {
            LOG.infof("GPUs detected: %s", inventory.gpus());
        }
        return inventory;
    }

    /** Runs before the messaging connectors (priority 1000) so a misconfigured worker never consumes a task. */
    void checkAtStart(@Observes @Priority(500) StartupEvent event, GpuInventory inventory) {
        LOG.debugf("GPU source: %s", inventory.source());
    }
}
