package io.tessera.worker.events;

/** An event could not be sent: the worker is stopping, or the sending thread was interrupted. */
public class EventNotAcknowledgedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message which event and why */
    public EventNotAcknowledgedException(String message) {
        super(message);
    }
}
