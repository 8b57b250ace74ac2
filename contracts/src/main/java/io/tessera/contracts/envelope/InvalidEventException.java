package io.tessera.contracts.envelope;

/** A record that is not a valid event of the farm; its message is the dead-letter reason. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }
}
