package io.tessera.worker.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the worker is still taking tasks or is shutting down. */
@ApplicationScoped
public class WorkerState {

    /** Heartbeat state while the worker takes tasks. */
    public static final String RUNNING = "RUNNING";
    /** Heartbeat state of the last beat, sent on shutdown. */
    public static final String STOPPING = "STOPPING";

    private volatile boolean started;
    private volatile boolean stopping;

    /** True once start-up finished (the messaging channels are connected). */
    public boolean started() {
        return started;
    }

    /** Marks start-up as finished. */
    public void markStarted() {
        started = true;
    }

    /** True once shutdown began: no new task is started. */
    public boolean stopping() {
        return stopping;
    }

    /** Marks the worker as shutting down. */
    public void beginStopping() {
        stopping = true;
    }

    /** {@link #RUNNING} or {@link #STOPPING}. */
    public String heartbeatState() {
        return stopping ? STOPPING : RUNNING;
    }
}
