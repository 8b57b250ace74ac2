package io.tessera.worker.events;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskEvent;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskOutput;
import io.tessera.contracts.tasks.TaskProgress;
import io.tessera.contracts.tasks.TaskStarted;
import io.tessera.worker.lifecycle.WorkerState;
import io.tessera.worker.tasks.RunningTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes task events to {@code farm.task-events.v1} (key jobId, deterministic ce_id) with acks=all and waits
 * for the broker's ack, retrying with a bounded back-off (0.2 s doubling to 5 s) until it comes (TaskProgress excepted:
 * it is not waited for). Only a stopping worker or an interrupted thread gives up, with
 * {@link EventNotAcknowledgedException}. Methods block: call them from worker threads only.
 */
@ApplicationScoped
public class TaskEventPublisher {

    /** The outgoing channel of task events. */
    public static final String CHANNEL = "task-events";

    private static final Logger LOG = Logger.getLogger(TaskEventPublisher.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final int TRIES_WHEN_STOPPING = 3;

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;

    @Inject
    WorkerState state;

    /** Sends TaskStarted ({@code task:{taskId}:{attempt}:started}). */
    public void started(RunningTask task) {
        send(task.ceId("started"), new TaskStarted(task.taskId(), task.jobId(), task.attempt(), task.workerId(),
                Instant.now()));
    }

    /**
     * Sends TaskProgress ({@code task:{taskId}:{attempt}:progress:{framesDone}}) without waiting for the ack: it only
     * renews the lease and reports frames done, which the next progress or the final event (sent after it, on the
     * same partition) does again, so the render goes on at once. A progress the broker did not take is logged.
     */
    public void progress(RunningTask task, int framesDone, int framesTotal) {
        String ceId = task.ceId("progress:" + framesDone);
        TaskProgress event = new TaskProgress(task.taskId(), task.jobId(), task.attempt(), task.workerId(),
                framesDone, framesTotal, Instant.now());
        KafkaSender.send(emitter, Topics.TASK_EVENTS, event.jobId(), EventEnvelope.of(ceId, KafkaSender.SOURCE, event))
                .subscribe().with(sent -> { }, e -> LOG.warnf("Sending %s (jobId=%s taskId=%s attempt=%d) failed (%s);"
                        + " the next progress or the final event reports it", ceId, event.jobId(), event.taskId(),
                        event.attempt(), e));
    }

    /** Sends TaskCompleted ({@code task:{taskId}:{attempt}:completed}). */
    public void completed(RunningTask task, List<TaskOutput> outputs, long renderMillis) {
        send(task.ceId("completed"), new TaskCompleted(task.taskId(), task.jobId(), task.attempt(), task.workerId(),
                outputs, renderMillis, Instant.now()));
    }

    /**
     * Sends TaskFailed ({@code task:{taskId}:{attempt}:{workerId}:failed}); {@code handedBack} when this worker gave
     * the task back unfinished because it is leaving.
     */
    public void failed(RunningTask task, String reason, boolean retryable, boolean handedBack) {
        send(task.ceId("failed"), new TaskFailed(task.taskId(), task.jobId(), task.attempt(), task.workerId(),
                reason, retryable, Instant.now(), handedBack));
    }

    private void send(String ceId, TaskEvent event) {
        EventEnvelope envelope = EventEnvelope.of(ceId, KafkaSender.SOURCE, event);
        Duration backoff = FIRST_BACKOFF;
        int failures = 0;
        while (true) {
            try {
                KafkaSender.send(emitter, Topics.TASK_EVENTS, event.jobId(), envelope).await().atMost(ACK_TIMEOUT);
                return;
            } catch (RuntimeException e) {
                failures++;
                if (Thread.currentThread().isInterrupted()) {
                    throw new EventNotAcknowledgedException(ceId + ": interrupted while waiting for the ack");
                }
                if (state.stopping() && failures >= TRIES_WHEN_STOPPING) {
                    throw new EventNotAcknowledgedException(ceId + ": worker stopping, not acknowledged after "
                            + failures + " tries (" + e.getMessage() + ")");
                }
                LOG.warnf("Sending %s (jobId=%s taskId=%s attempt=%d) failed (%s); retrying in %d ms", ceId,
                        event.jobId(), event.taskId(), event.attempt(), e, backoff.toMillis());
                sleep(backoff, ceId);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration backoff, String ceId) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotAcknowledgedException(ceId + ": interrupted while waiting to retry");
        }
    }
}
