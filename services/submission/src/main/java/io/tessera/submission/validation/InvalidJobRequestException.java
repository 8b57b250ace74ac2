package io.tessera.submission.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A job request broke one or more rules; the message lists them as {@code field: rule; field: rule}. */
public class InvalidJobRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /** @param violations every broken rule, at least one */
    public InvalidJobRequestException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    /** Every broken rule, in the order they were found. */
    public List<Violation> violations() {
        return violations;
    }
}
