package io.tessera.worker.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tessera.contracts.Topics;
import io.tessera.worker.config.WorkerConfig;
import io.tessera.worker.tasks.FailureReasons;
import io.tessera.worker.tasks.TaskConsumer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Start-up checks and graceful shutdown. At start the task topic must be the one of the configured capability and
 * the drain grace period and run timeout must be positive. On SIGTERM (Quarkus' ShutdownEvent, before the
 * messaging connectors close) the worker drains ({@link WorkerDrain}).
 */
@ApplicationScoped
public class WorkerLifecycle {

    private static final Logger LOG = Logger.getLogger(WorkerLifecycle.class);

    @Inject
    WorkerConfig config;

    @Inject
    WorkerState state;

    @Inject
    WorkerDrain drain;

    @ConfigProperty(name = "mp.messaging.incoming." + TaskConsumer.CHANNEL + ".topic")
    String taskTopic;

    /** Fails start-up (before the connectors start) when the task topic does not match the capability. */
    void checkTopic(@Observes @Priority(600) StartupEvent event) {
        String expected = Topics.tasksFor(config.capability());
        if (!expected.equals(taskTopic)) {
            throw new IllegalStateException("mp.messaging.incoming." + TaskConsumer.CHANNEL + ".topic is '" + taskTopic
                    + "' but a " + config.capability().id() + " worker must consume '" + expected + "'");
        }
        positive("tessera.worker.drain-grace", config.drainGrace());
        positive("tessera.worker.run-timeout", config.runTimeout());
        LOG.infof("Worker %s (%s, %d slot(s), run timeout %s, drain grace %s) consumes %s", config.id(),
                config.capability().id(), config.slots(), FailureReasons.human(config.runTimeout()),
                FailureReasons.human(config.drainGrace()), expected);
    }

    /** After the messaging connectors started (priority 1000): heartbeats may flow. */
    void started(@Observes @Priority(2000) StartupEvent event) {
        state.markStarted();
    }

    /** SIGTERM: drain (the connectors close only after the ShutdownEvent observers returned). */
    void onShutdown(@Observes ShutdownEvent event) {
        drain.drain();
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + ": must be a positive duration such as 30s or 2h (was "
                    + value + ")");
        }
    }
}
