package io.tessera.submission.validation;

/**
 * One broken rule of a job request.
 *
 * @param field the JSON path of the offending value, e.g. {@code frames.end} or {@code scene.camera.fov}
 * @param rule  what the value must satisfy, e.g. {@code must be >= frames.start (1)}
 */
public record Violation(String field, String rule) {

    /** {@code field: rule}, the form used in dead-letter reasons and logs. */
    @Override
    public String toString() {
        return field + ": " + rule;
    }
}
