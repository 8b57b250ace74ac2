package io.tessera.monitoring.lease;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tessera.monitoring.MonitoringConfig;
import io.tessera.monitoring.PeriodicJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Runs {@link LeaseService#expireBatch()} every {@code tessera.monitoring.lease-check-interval}. */
@ApplicationScoped
public class LeaseScanner {

    private PeriodicJob job;

    void start(@Observes StartupEvent event, LeaseService leases, MonitoringConfig config) {
        job = PeriodicJob.start("lease-scanner", config.leaseCheckInterval(), leases::expireBatch);
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }
}
