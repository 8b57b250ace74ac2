package io.tessera.monitoring;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a reactive action at a fixed delay on its own thread, each run on a fresh safe Vert.x context (as Hibernate
 * Reactive needs). Unlike Quarkus' simple scheduler it honours sub-second intervals; a run never overlaps the
 * previous one. A failed run is logged and the next one goes ahead.
 */
public final class PeriodicJob {

    private static final Logger LOG = Logger.getLogger(PeriodicJob.class);

    private final String name;
    private final ScheduledExecutorService loop;

    private PeriodicJob(String name) {
        this.name = name;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, name));
    }

    /** Starts running {@code action} every {@code interval}. */
    public static PeriodicJob start(String name, Duration interval, Supplier<Uni<?>> action) {
        PeriodicJob job = new PeriodicJob(name);
        job.loop.scheduleWithFixedDelay(() -> job.runOnce(action), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return job;
    }

    private void runOnce(Supplier<Uni<?>> action) {
        try {
            VertxContextSupport.subscribeAndAwait(action::get);
        } catch (Throwable e) {
            LOG.warnf("%s failed (next run continues): %s", name, e.getMessage());
        }
    }

    /** Stops scheduling and waits briefly for a running action. */
    public void stop() {
        loop.shutdown();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
