package io.tessera.worker.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.tessera.contracts.Topics;
import io.tessera.worker.config.WorkerConfig;
import io.tessera.worker.heartbeat.HeartbeatPublisher;
import io.tessera.worker.tasks.TaskConsumer;
import io.tessera.worker.tasks.TaskExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Start-up checks and graceful shutdown. At start the task topic must be the one of the configured capability. On
 * SIGTERM the worker stops taking records (pauses the task consumer; records not yet started stay unacknowledged
 * for another worker), stops its running renders (reported as retryable failures, so monitoring re-queues them at
 * once) and sends a last heartbeat with state STOPPING.
 */
@ApplicationScoped
public class WorkerLifecycle {

    private static final Logger LOG = Logger.getLogger(WorkerLifecycle.class);
    private static final Duration SHUTDOWN_STEP = Duration.ofSeconds(5);

    @Inject
    WorkerConfig config;

    @Inject
    WorkerState state;

    @Inject
    KafkaClientService kafka;

    @Inject
    TaskExecution execution;

    @Inject
    HeartbeatPublisher heartbeats;

    @ConfigProperty(name = "mp.messaging.incoming." + TaskConsumer.CHANNEL + ".topic")
    String taskTopic;

    /** Fails start-up (before the connectors start) when the task topic does not match the capability. */
    void checkTopic(@Observes @Priority(600) StartupEvent event) {
        String expected = Topics.tasksFor(config.capability());
        if (!expected.equals(taskTopic)) {
            throw new IllegalStateException("mp.messaging.incoming." + TaskConsumer.CHANNEL + ".topic is '" + taskTopic
                    + "' but a " + config.capability().id() + " worker must consume '" + expected + "'");
        }
        LOG.infof("Worker %s (%s, %d slot(s)) consumes %s", config.id(), config.capability().id(), config.slots(),
                expected);
    }

    /** After the messaging connectors started (priority 1000): heartbeats may flow. */
    void started(@Observes @Priority(2000) StartupEvent event) {
        state.markStarted();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        state.beginStopping();
        LOG.infof("Worker %s stopping: no new tasks", config.id());
        pauseTasks();
        execution.stopAll("worker stopping", SHUTDOWN_STEP);
        try {
            heartbeats.send().await().atMost(SHUTDOWN_STEP);
        } catch (RuntimeException e) {
            LOG.warnf("Last heartbeat (STOPPING) of worker %s not sent: %s", config.id(), e);
        }
    }

    private void pauseTasks() {
        try {
            KafkaConsumer<Object, Object> consumer = kafka.getConsumer(TaskConsumer.CHANNEL);
            if (consumer != null) {
                consumer.pause().await().atMost(SHUTDOWN_STEP);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot pause the task consumer of worker %s: %s", config.id(), e);
        }
    }
}
