package io.tessera.worker.engine;

/**
 * A render failure injected by {@link FaultInjectingRenderEngine}. It is reported like any engine failure: its
 * message becomes the TaskFailed reason and the attempt is retryable.
 */
public class InjectedFaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message names the frame, the attempt and the rule */
    public InjectedFaultException(String message) {
        super(message);
    }
}
