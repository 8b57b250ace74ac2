package io.tessera.submission.validation;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves a job's output directory below the farm's output root. A requested output must be a relative path
 * that, once normalised, names a directory strictly inside the root: no absolute paths, no {@code ..} escape, at
 * most {@value #MAX_LENGTH} characters and no directory name longer than a file system allows
 * ({@value #MAX_NAME_BYTES} bytes).
 */
public final class OutputPaths {

    /** The longest requested output directory, in characters (the stored absolute path must fit 4096). */
    public static final int MAX_LENGTH = 1024;
    /** The longest directory name, in UTF-8 bytes (NAME_MAX of common file systems). */
    public static final int MAX_NAME_BYTES = 255;

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
        if (output.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters, was " + output.length());
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
        for (Path name : relative) {
            if (name.toString().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                return Optional.of("must not hold a directory name longer than " + MAX_NAME_BYTES + " bytes");
            }
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
