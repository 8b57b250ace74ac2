package io.tessera.worker.lifecycle;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.tessera.worker.config.WorkerConfig;
import io.tessera.worker.heartbeat.HeartbeatPublisher;
import io.tessera.worker.tasks.FailureReasons;
import io.tessera.worker.tasks.RunningTask;
import io.tessera.worker.tasks.RunningTasks;
import io.tessera.worker.tasks.TaskConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The graceful drain of a worker that got SIGTERM:
 * <ol>
 *   <li>DRAINING: no new task starts (a record waiting for a slot or for its TaskStarted stays unacknowledged, so
 *       the partition's next owner takes it), the task consumer is paused, heartbeats say DRAINING with no free
 *       slot and keep renewing the leases of the running attempts;</li>
 *   <li>the running attempts may finish for up to {@code tessera.worker.drain-grace} and report TaskCompleted as
 *       usual;</li>
 *   <li>an attempt still running then is stopped (render thread interrupted) and handed back with TaskFailed
 *       (retryable, "worker drained: stopped after grace period ..."), so monitoring re-queues it at once instead
 *       of waiting for its lease to expire; the drain waits up to {@link #STOP_WAIT} for those events;</li>
 *   <li>STOPPING: a last heartbeat, then the process exits.</li>
 * </ol>
 */
@ApplicationScoped
public class WorkerDrain {

    /** How long stopped attempts get to send their TaskFailed once the grace period is over. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(WorkerDrain.class);
    private static final Duration PAUSE_WAIT = Duration.ofSeconds(5);

    @Inject
    WorkerConfig config;

    @Inject
    WorkerState state;

    @Inject
    RunningTasks running;

    @Inject
    KafkaClientService kafka;

    @Inject
    HeartbeatPublisher heartbeats;

    /** Drains the worker; returns when no attempt runs any more (or was handed back) and the last beat is sent. */
    public void drain() {
        Duration grace = config.drainGrace();
        state.beginDraining();
        LOG.infof("Worker %s draining: no new tasks; %d running task(s) %s may finish within %s", config.id(),
                running.all().size(), running.leases(), FailureReasons.human(grace));
        pauseTasks();
        try {
            boolean finished = awaitRunning(grace);
            if (!finished) {
                handBack(grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handBack(grace);
        }
        state.beginStopping();
        beat();
        LOG.infof("Worker %s drained: stopping", config.id());
    }

    /** Waits up to {@code grace} for the running attempts, sending a DRAINING heartbeat every interval. */
    private boolean awaitRunning(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            beat();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return running.isEmpty();
            }
            Duration step = config.heartbeatInterval().compareTo(Duration.ofNanos(left)) < 0
                    ? config.heartbeatInterval() : Duration.ofNanos(left);
            if (running.awaitNone(step)) {
                return true;
            }
        }
    }

    private void handBack(Duration grace) {
        List<RunningTask> left = running.all();
        if (left.isEmpty()) {
            return;
        }
        for (RunningTask task : left) {
            task.handBack(FailureReasons.drained(grace, task));
        }
        LOG.warnf("Worker %s: grace period %s over; handed back %d running task(s) %s", config.id(),
                FailureReasons.human(grace), left.size(), left.stream().map(RunningTask::key).toList());
        try {
            if (!running.awaitNone(STOP_WAIT)) {
                LOG.warnf("Worker %s: task(s) %s did not report within %s of being stopped; their leases will"
                        + " expire", config.id(), running.leases(), STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pauseTasks() {
        try {
            KafkaConsumer<Object, Object> consumer = kafka.getConsumer(TaskConsumer.CHANNEL);
            if (consumer != null) {
                consumer.pause().await().atMost(PAUSE_WAIT);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot pause the task consumer of worker %s: %s", config.id(), e);
        }
    }

    private void beat() {
        try {
            heartbeats.send().await().atMost(config.heartbeatInterval().multipliedBy(5));
        } catch (RuntimeException e) {
            LOG.warnf("%s heartbeat of worker %s not sent: %s", state.heartbeatState(), config.id(), e);
        }
    }
}
