package io.tessera.worker.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The worker's phase: {@link #RUNNING} (takes tasks), {@link #DRAINING} (SIGTERM received: takes no new task, lets
 * the running ones finish within the drain grace period) and {@link #STOPPING} (drain over, the process exits).
 * The phase is also the {@code state} of the worker's heartbeats.
 */
@ApplicationScoped
public class WorkerState {

    /** Heartbeat state while the worker takes tasks. */
    public static final String RUNNING = "RUNNING";
    /** Heartbeat state while the worker drains: no new task, running ones may finish. */
    public static final String DRAINING = "DRAINING";
    /** Heartbeat state of the last beat, sent once the drain is over. */
    public static final String STOPPING = "STOPPING";

    private volatile boolean started;
    private volatile String phase = RUNNING;

    /** True once start-up finished (the messaging channels are connected). */
    public boolean started() {
        return started;
    }

    /** Marks start-up as finished. */
    public void markStarted() {
        started = true;
    }

    /** True while the worker takes new tasks (neither draining nor stopping). */
    public boolean acceptsWork() {
        return RUNNING.equals(phase);
    }

    /** Marks the worker as draining: from now on no new task is started. */
    public void beginDraining() {
        if (RUNNING.equals(phase)) {
            phase = DRAINING;
        }
    }

    /** True once the drain is over and the worker shuts down (events get a bounded number of tries). */
    public boolean stopping() {
        return STOPPING.equals(phase);
    }

    /** Marks the worker as shutting down. */
    public void beginStopping() {
        phase = STOPPING;
    }

    /** {@link #RUNNING}, {@link #DRAINING} or {@link #STOPPING}. */
    public String heartbeatState() {
        return phase;
    }
}
