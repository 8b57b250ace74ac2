package io.tessera.monitoring.lease;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.tessera.monitoring.MonitoringConfig;
import io.tessera.monitoring.PeriodicJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Runs {@link LeaseService#expireBatch()} every {@code tessera.monitoring.lease-check-interval}, but only once this
 * replica has been up for a whole lease timeout. While monitoring was down nobody renewed leases; the heartbeats the
 * workers sent meanwhile wait on {@code farm.workers.v1} and renew them as the consumer catches up. Expiring before
 * that would retry (and revoke) every running task of the farm after a monitoring restart.
 */
@ApplicationScoped
public class LeaseScanner {

    private static final Logger LOG = Logger.getLogger(LeaseScanner.class);

    private PeriodicJob job;

    void start(@Observes StartupEvent event, LeaseService leases, MonitoringConfig config) {
        Instant graceEnds = Instant.now().plus(config.leaseTimeout());
        LOG.infof("Lease expiry starts at %s, a lease timeout (%s) after start-up", graceEnds, config.leaseTimeout());
        job = PeriodicJob.start("lease-scanner", config.leaseCheckInterval(),
                () -> Instant.now().isBefore(graceEnds) ? Uni.createFrom().item(0) : leases.expireBatch());
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }
}
