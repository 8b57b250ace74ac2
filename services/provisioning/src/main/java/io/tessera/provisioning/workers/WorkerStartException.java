package io.tessera.provisioning.workers;

/** A worker could not be started; the message names the worker and the cause. */
public class WorkerStartException extends RuntimeException {

    public WorkerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
