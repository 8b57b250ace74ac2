package io.tessera.renderer.trace;

/**
 * The rendering thread was interrupted; the render stopped between rows. The thread's interrupt flag stays set.
 */
public class RenderInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message which render stopped and where */
    public RenderInterruptedException(String message) {
        super(message);
    }
}
