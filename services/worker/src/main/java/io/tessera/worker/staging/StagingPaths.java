package io.tessera.worker.staging;

import io.tessera.contracts.tasks.OutputNames;
import io.tessera.contracts.tasks.PixelRegion;
import java.nio.file.Path;

/**
 * Where an attempt's outputs go: the final names come from {@link OutputNames} (the one naming of outputs that
 * segmentation uses for inputs too) and every file is written under its attempt-private staged name
 * {@link OutputNames#staged}: {@code {outputDir}/.staging/{taskId}/attempt-{attempt}-{run}/<final name relative
 * to outputDir>}. Monitoring commits the accepted attempt by renaming each staged file to its final name; the worker
 * never writes a final name.
 *
 * @param outputDir the job's output directory
 * @param taskId    the task
 * @param attempt   the attempt (fencing token)
 * @param run       the worker running the attempt (two workers never share staged files)
 */
public record StagingPaths(Path outputDir, String taskId, int attempt, String run) {

    /** The attempt-private directory. */
    public Path attemptDir() {
        return OutputNames.staged(outputDir, taskId, attempt, run, outputDir);
    }

    /** Where this attempt writes the file that is committed to {@code finalPath}. */
    public Path staged(Path finalPath) {
        return OutputNames.staged(outputDir, taskId, attempt, run, finalPath);
    }

    /** The final name of the whole image of {@code frame}. */
    public Path frame(int frame) {
        return OutputNames.frame(outputDir, frame);
    }

    /** The final name of the tile {@code region} of {@code frame}. */
    public Path tile(int frame, PixelRegion region) {
        return OutputNames.tile(outputDir, frame, region);
    }

    /** The final name of {@code pass} of {@code frame} with {@code extension} {@code png} or {@code pfm}. */
    public Path pass(int frame, String pass, String extension) {
        return OutputNames.pass(outputDir, frame, pass, extension);
    }
}
