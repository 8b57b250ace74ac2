package io.tessera.worker.heartbeat;

import io.quarkus.scheduler.Scheduled;
import io.tessera.worker.config.WorkerConfig;
import io.tessera.worker.lifecycle.WorkerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Sends a heartbeat every {@code tessera.worker.heartbeat-interval} on a worker thread, from the end of start-up
 * until shutdown begins (from then on the drain sends the DRAINING beats and the last, STOPPING, one). Heartbeats
 * are periodic facts: a failed one is logged and the next one follows.
 */
@ApplicationScoped
public class HeartbeatSchedule {

    private static final Logger LOG = Logger.getLogger(HeartbeatSchedule.class);

    @Inject
    HeartbeatPublisher publisher;

    @Inject
    WorkerState state;

    @Inject
    WorkerConfig config;

    @Scheduled(every = "${tessera.worker.heartbeat-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        if (!state.started() || !state.acceptsWork()) {
            return;
        }
        try {
            publisher.send().await().atMost(config.heartbeatInterval().multipliedBy(5));
        } catch (RuntimeException e) {
            LOG.warnf("Heartbeat of worker %s not sent: %s", config.id(), e);
        }
    }
}
