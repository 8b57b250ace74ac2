package io.tessera.worker.engine;

/**
 * A file an assemble or composite task reads does not exist (yet): the message names it. Another attempt may find
 * it, so the failure is retryable.
 */
public class MissingInputException extends RuntimeException {

    /** @param message names the missing file */
    public MissingInputException(String message) {
        super(message);
    }
}
