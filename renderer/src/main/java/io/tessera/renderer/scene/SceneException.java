package io.tessera.renderer.scene;

/**
 * A scene document broke a rule. {@link #field()} is the JSON path of the offending value
 * (for example {@code camera.fov} or {@code objects[2].radius}) and {@link #rule()} says what is wrong.
 */
public class SceneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    /**
     * @param field JSON path of the offending value, empty for the document itself
     * @param rule  the rule broken, e.g. {@code must be > 0}
     */
    public SceneException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** JSON path of the offending value, e.g. {@code objects[2].radius}. */
    public String field() {
        return field;
    }

    /** The rule that the value broke, e.g. {@code must be > 0}. */
    public String rule() {
        return rule;
    }
}
