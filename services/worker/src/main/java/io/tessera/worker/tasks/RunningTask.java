package io.tessera.worker.tasks;

import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.workers.Lease;
import io.tessera.worker.staging.StagingPaths;

/**
 * One attempt this worker holds the lease of, from its TaskStarted until its final event. It can be stopped from
 * another thread ({@link #stop(String, boolean)}): the render thread is interrupted and the first stop reason is
 * reported.
 */
public final class RunningTask {

    private final TaskPlanned task;
    private final int attempt;
    private final String workerId;
    private final StagingPaths paths;
    private volatile int framesDone;
    private String stopReason;
    private boolean handedBack;
    private boolean stopRetryable;
    private Thread thread;

    /**
     * @param task     the task as planned
     * @param attempt  the attempt (fencing token)
     * @param workerId this worker
     * @param paths    where this attempt stages its images
     */
    public RunningTask(TaskPlanned task, int attempt, String workerId, StagingPaths paths) {
        this.task = task;
        this.attempt = attempt;
        this.workerId = workerId;
        this.paths = paths;
    }

    public String taskId() {
        return task.taskId();
    }

    public String jobId() {
        return task.jobId();
    }

    public int attempt() {
        return attempt;
    }

    public String workerId() {
        return workerId;
    }

    public TaskPlanned task() {
        return task;
    }

    public StagingPaths paths() {
        return paths;
    }

    /** The key of this attempt in the worker's registries. */
    public String key() {
        return AttemptLedger.key(task.taskId(), attempt);
    }

    /**
     * The deterministic ce_id of this attempt's event with the given suffix, e.g. {@code started}:
     * {@code task:{taskId}:{attempt}:{workerId}:{suffix}}. The worker is part of it: should a second worker ever run
     * the same attempt, its events are distinct events that monitoring fences off (not the holder), rather than
     * duplicates of the holder's events that would drop the holder's own result.
     */
    public String ceId(String suffix) {
        return "task:" + task.taskId() + ":" + attempt + ":" + workerId + ":" + suffix;
    }

    /** Frames finished so far. */
    public int framesDone() {
        return framesDone;
    }

    /** Frames of the task. */
    public int framesTotal() {
        return task.frameCount();
    }

    /** Records that {@code done} frames are finished. */
    public void framesDone(int done) {
        framesDone = done;
    }

    /** The lease this attempt holds, as stated in heartbeats. */
    public Lease lease() {
        return new Lease(task.taskId(), task.jobId(), attempt);
    }

    /** The render runs on {@code renderThread} from now on; it is interrupted at once if already stopped. */
    public synchronized void attach(Thread renderThread) {
        thread = renderThread;
        if (stopReason != null) {
            renderThread.interrupt();
        }
    }

    /** The render thread left this task; later stops no longer interrupt it. */
    public synchronized void detach() {
        thread = null;
    }

    /** Stops the attempt: the first reason wins; the render thread, if any, is interrupted. */
    public synchronized void stop(String reason, boolean retryable) {
        stop(reason, retryable, false);
    }

    /**
     * Stops the attempt because this worker is leaving, not because the render failed: it is reported handed back
     * (retryable, counted against nothing). The first reason wins.
     */
    public synchronized void handBack(String reason) {
        stop(reason, true, true);
    }

    private void stop(String reason, boolean retryable, boolean handBack) {
        if (stopReason != null) {
            return;
        }
        stopReason = reason;
        stopRetryable = retryable;
        handedBack = handBack;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the attempt was stopped by {@link #handBack(String)}. */
    public synchronized boolean handedBack() {
        return handedBack;
    }

    /** Whether {@link #stop(String, boolean)} was called. */
    public synchronized boolean stopped() {
        return stopReason != null;
    }

    /** The reason given to {@link #stop(String, boolean)}, null when not stopped. */
    public synchronized String stopReason() {
        return stopReason;
    }

    /** Whether another attempt may succeed after this stop. */
    public synchronized boolean stopRetryable() {
        return stopRetryable;
    }
}
