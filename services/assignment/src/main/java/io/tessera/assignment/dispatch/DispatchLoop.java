package io.tessera.assignment.dispatch;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.tessera.assignment.AssignmentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs dispatch rounds ({@link Dispatcher#dispatchAll()}) on its own thread: every
 * {@code tessera.assignment.dispatch-interval}, and as soon as possible after {@link #trigger()} (a task was
 * queued, a worker beat, a task started or finished). Rounds never overlap; triggers arriving during a round
 * coalesce into one more round. Each round runs on a fresh safe Vert.x context, as Hibernate Reactive needs.
 */
@ApplicationScoped
public class DispatchLoop {

    private static final Logger LOG = Logger.getLogger(DispatchLoop.class);

    private final Dispatcher dispatcher;
    private final AssignmentConfig config;
    private final AtomicBoolean triggered = new AtomicBoolean();
    private volatile ScheduledExecutorService loop;
    private volatile boolean failing;

    DispatchLoop(Dispatcher dispatcher, AssignmentConfig config) {
        this.dispatcher = dispatcher;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "dispatch"));
        long interval = config.dispatchInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
        loop = executor;
    }

    void stop(@Observes ShutdownEvent event) {
        ScheduledExecutorService executor = loop;
        loop = null;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks for a dispatch round soon; cheap and safe to call from any thread, as often as wanted. */
    public void trigger() {
        ScheduledExecutorService executor = loop;
        if (executor != null && triggered.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    triggered.set(false);
                    round();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                triggered.set(false);
            }
        }
    }

    private void round() {
        try {
            VertxContextSupport.subscribeAndAwait(dispatcher::dispatchAll);
            failing = false;
        } catch (Throwable e) {
            if (!failing) {
                LOG.warnf("Dispatch round failed (queued tasks stay queued, next round retries): %s", e.toString());
            }
            failing = true;
        }
    }
}
