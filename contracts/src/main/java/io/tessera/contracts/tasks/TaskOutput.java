package io.tessera.contracts.tasks;

/**
 * One image an attempt produced: written under an attempt-private {@code stagedPath} and committed (atomic
 * rename) to {@code finalPath} only when the attempt is accepted.
 */
public record TaskOutput(int frame, String stagedPath, String finalPath) {
}
