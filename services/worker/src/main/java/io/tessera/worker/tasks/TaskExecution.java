package io.tessera.worker.tasks;

import io.tessera.contracts.tasks.TaskOutput;
import io.tessera.worker.config.WorkerConfig;
import io.tessera.worker.coordination.PeerStatusPublisher;
import io.tessera.worker.engine.RenderEngine;
import io.tessera.worker.engine.RenderRequest;
import io.tessera.worker.engine.RenderResult;
import io.tessera.worker.events.EventNotAcknowledgedException;
import io.tessera.worker.events.TaskEventPublisher;
import io.tessera.worker.metrics.WorkerMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs started attempts (render, assemble or composite, through the {@link RenderEngine}) on a pool of
 * {@code slots} render threads (never on the event loop): every frame, a TaskProgress after each, then TaskCompleted
 * with every staged output, or TaskFailed (retryable unless the job was cancelled). A render running longer than
 * {@code tessera.worker.run-timeout} is stopped (its thread interrupted; engines stop on interrupt) and reported as
 * a retryable TaskFailed ("run timeout: render exceeded ..."). Frees the slot and the lease once the final event is
 * acknowledged.
 */
@ApplicationScoped
public class TaskExecution {

    private static final Logger LOG = Logger.getLogger(TaskExecution.class);

    private final ExecutorService renderThreads;
    private final ScheduledExecutorService timeouts;
    private final Duration runTimeout;

    @Inject
    RenderEngine engine;

    @Inject
    TaskEventPublisher events;

    @Inject
    RunningTasks running;

    @Inject
    Slots slots;

    @Inject
    WorkerMetrics metrics;

    @Inject
    PeerStatusPublisher peerStatus;

    @Inject
    public TaskExecution(WorkerConfig config) {
        AtomicInteger n = new AtomicInteger();
        renderThreads = Executors.newFixedThreadPool(Math.max(1, config.slots()), r -> {
            Thread t = new Thread(r, "render-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-timeouts");
            t.setDaemon(true);
            return t;
        });
        runTimeout = config.runTimeout();
    }

    /** Renders an attempt whose TaskStarted was acknowledged; its slot is already taken. */
    public void start(RunningTask task) {
        renderThreads.execute(() -> run(task));
    }

    @PreDestroy
    void close() {
        timeouts.shutdownNow();
        renderThreads.shutdownNow();
    }

    private void run(RunningTask task) {
        long started = System.nanoTime();
        RenderRequest request = RenderRequest.of(task.task(), task.paths());
        RenderResult result = null;
        Throwable failure = null;
        task.attach(Thread.currentThread());
        ScheduledFuture<?> timeout = timeouts.schedule(() -> timedOut(task), runTimeout.toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            if (!task.stopped()) {
                result = engine.render(request, (frame, done, total) -> {
                    task.framesDone(done);
                    metrics.frameRendered(frame.millis());
                    events.progress(task, done, total);
                });
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            timeout.cancel(false);
            task.detach();
            Thread.interrupted();
        }
        try {
            finish(task, result, failure, millisSince(started));
        } catch (EventNotAcknowledgedException e) {
            LOG.errorf("Final event of taskId=%s attempt=%d jobId=%s not acknowledged: %s; the lease will expire",
                    task.taskId(), task.attempt(), task.jobId(), e.getMessage());
        } finally {
            running.remove(task);
            slots.release();
            peerStatus.changed();
        }
    }

    private void timedOut(RunningTask task) {
        LOG.warnf("Run timeout: taskId=%s attempt=%d jobId=%s rendered longer than %s (%d of %d frames done);"
                + " stopping it", task.taskId(), task.attempt(), task.jobId(), FailureReasons.human(runTimeout),
                task.framesDone(), task.framesTotal());
        task.stop(FailureReasons.runTimeout(runTimeout, task), true);
    }

    private void finish(RunningTask task, RenderResult result, Throwable failure, long millis) {
        int frames = task.task().frameCount();
        if (task.stopped() || result == null) {
            String reason = task.stopped() ? task.stopReason() : FailureReasons.of(failure);
            boolean retryable = !task.stopped() || task.stopRetryable();
            metrics.taskFailed();
            LOG.warnf("Task failed taskId=%s attempt=%d jobId=%s part=%s frames=%d-%d (%d) millis=%d retryable=%s"
                    + " handedBack=%s reason=%s", task.taskId(), task.attempt(), task.jobId(), task.task().part(),
                    task.task().frameStart(), task.task().frameEnd(), frames, millis, retryable, task.handedBack(),
                    reason);
            events.failed(task, reason, retryable, task.handedBack());
            return;
        }
        List<TaskOutput> outputs = result.frames().stream()
                .flatMap(f -> f.files().stream()
                        .map(file -> new TaskOutput(f.frame(), file.staged().toString(), file.finalPath().toString())))
                .toList();
        events.completed(task, outputs, result.renderMillis());
        metrics.taskCompleted();
        LOG.infof("Task completed taskId=%s attempt=%d jobId=%s part=%s frames=%d-%d (%d) outputs=%d millis=%d"
                + " renderMillis=%d", task.taskId(), task.attempt(), task.jobId(), task.task().part(),
                task.task().frameStart(), task.task().frameEnd(), frames, outputs.size(), millis,
                result.renderMillis());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
