package io.tessera.monitoring.lease;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.tessera.monitoring.MonitoringConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Runs {@link LeaseService#expireBatch()} every {@code tessera.monitoring.lease-check-interval}. */
@ApplicationScoped
public class LeaseScanner {

    private static final Logger LOG = Logger.getLogger(LeaseScanner.class);

    void start(@Observes StartupEvent event, Scheduler scheduler, LeaseService leases, MonitoringConfig config) {
        scheduler.newJob("lease-scanner")
                .setInterval(config.leaseCheckInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> leases.expireBatch()
                        .onFailure().invoke(e -> LOG.warnf("Lease scan failed (will retry): %s", e.getMessage()))
                        .onFailure().recoverWithNull()
                        .replaceWithVoid())
                .schedule();
    }
}
