package io.tessera.monitoring.job;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.tessera.messaging.outbox.OutboxConfig;
import io.tessera.monitoring.MonitoringConfig;
import io.tessera.monitoring.PeriodicJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/**
 * Every {@code tessera.monitoring.progress-interval}, re-evaluates the jobs task events touched
 * ({@link JobTracker#touch}): one job per transaction, locked with {@code for update skip locked} so replicas share
 * the work and never wait on a job a task event is changing (it stays touched and is taken next time). The flag is
 * in the job row, so touched jobs survive a restart.
 */
@ApplicationScoped
public class JobRefresher {

    /** Jobs re-evaluated per run at most; the rest wait for the next run. */
    static final int MAX_PER_RUN = 200;

    private final JobTracker tracker;
    private final String selectTouched;
    private PeriodicJob job;

    JobRefresher(JobTracker tracker, OutboxConfig config) {
        this.tracker = tracker;
        this.selectTouched = "select * from " + config.schema() + ".job where dirty"
                + " order by updated_at limit 1 for update skip locked";
    }

    void start(@Observes StartupEvent event, MonitoringConfig config) {
        job = PeriodicJob.start("job-refresher", config.progressInterval(), this::refreshTouched);
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /** Re-evaluates touched jobs until none is left or {@link #MAX_PER_RUN} were; completes with how many. */
    public Uni<Integer> refreshTouched() {
        return refreshFrom(0);
    }

    private Uni<Integer> refreshFrom(int done) {
        if (done >= MAX_PER_RUN) {
            return Uni.createFrom().item(done);
        }
        return refreshOne().chain(found -> found ? refreshFrom(done + 1) : Uni.createFrom().item(done));
    }

    private Uni<Boolean> refreshOne() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(selectTouched, JobEntity.class).getResultList())
                .chain(jobs -> jobs.isEmpty()
                        ? Uni.createFrom().item(false)
                        : tracker.refresh(jobs.get(0), Instant.now()).replaceWith(true)));
    }
}
