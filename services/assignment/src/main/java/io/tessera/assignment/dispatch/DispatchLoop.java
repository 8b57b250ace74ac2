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
 * Runs dispatch rounds ({@link Dispatcher#dispatchAll()}) on its own thread: as soon as possible after
 * {@link #trigger()} (a task was queued, a worker beat, a task started or finished, a job changed), again
 * {@value #CONTENDED_RETRY_MILLIS} ms after a round found a capability locked by another replica (whose round may
 * have missed the change that triggered this one), and every {@code tessera.assignment.dispatch-interval} as a
 * safety net for changes that come with no event (a dispatch timing out). Rounds never overlap; triggers arriving
 * during a round coalesce into one more round. Each round runs on a fresh safe Vert.x context, as Hibernate Reactive
 * needs.
 */
@ApplicationScoped
public class DispatchLoop {

    private static final Logger LOG = Logger.getLogger(DispatchLoop.class);
    static final long CONTENDED_RETRY_MILLIS = 25;

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

    private void triggerIn(long millis) {
        ScheduledExecutorService executor = loop;
        if (executor != null) {
            try {
                executor.schedule(this::trigger, millis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the service is stopping: no more rounds
            }
        }
    }

    private void round() {
        try {
            boolean contended = VertxContextSupport.subscribeAndAwait(dispatcher::dispatchAll);
            failing = false;
            if (contended) {
                triggerIn(CONTENDED_RETRY_MILLIS);
            }
        } catch (Throwable e) {
            if (!failing) {
                LOG.warnf("Dispatch round failed (queued tasks stay queued, next round retries): %s", e.toString());
            }
            failing = true;
        }
    }
}
