package io.tessera.submission.validation;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves a job's output directory below the farm's output root. A requested output must be a relative path
 * that, once normalised, names a directory strictly inside the root: no absolute paths, no {@code ..} escape.
 */
public final class OutputPaths {

    private final Path root;

    /** @param root the farm's output root; made absolute and normalised */
    public OutputPaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The normalised absolute output root. */
    public Path root() {
        return root;
    }

    /**
     * Checks a requested output directory.
     *
     * @return the rule it breaks, empty when it is acceptable
     */
    public Optional<String> check(String output) {
        if (output.isBlank()) {
            return Optional.of("must not be blank");
        }
        Path relative;
        try {
            relative = Path.of(output);
        } catch (InvalidPathException e) {
            return Optional.of("is not a valid path");
        }
        if (relative.isAbsolute() || output.startsWith("/") || output.startsWith("\\")) {
            return Optional.of("must be a relative path inside the output root");
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            return Optional.of("must stay inside the output root (no '..' escape)");
        }
        return Optional.empty();
    }

    /**
     * The absolute output directory of a job.
     *
     * @param output the checked relative output directory, or the job id when the request named none
     * @throws IllegalArgumentException when {@code output} does not pass {@link #check(String)}
     */
    public Path resolve(String output) {
        check(output).ifPresent(rule -> {
            throw new IllegalArgumentException("output " + rule + ": " + output);
        });
        return root.resolve(output).normalize();
    }
}
