package io.tessera.worker.staging;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where an attempt's images go. A worker writes {@code {outputDir}/.staging/{taskId}/attempt-{attempt}/frame_NNNN.png};
 * monitoring commits the accepted attempt by renaming each file to {@code {outputDir}/frame_NNNN.png}. The worker
 * never writes a final name.
 *
 * @param outputDir the job's output directory
 * @param taskId    the task
 * @param attempt   the attempt (fencing token)
 */
public record StagingPaths(Path outputDir, String taskId, int attempt) {

    /** The directory under the output directory that holds every staged attempt. */
    public static final String STAGING_DIR = ".staging";

    /** The attempt-private directory. */
    public Path attemptDir() {
        return outputDir.resolve(STAGING_DIR).resolve(taskId).resolve("attempt-" + attempt);
    }

    /** Where this attempt writes {@code frame}. */
    public Path staged(int frame) {
        return attemptDir().resolve(fileName(frame));
    }

    /** Where {@code frame} is committed if this attempt is accepted. */
    public Path finalPath(int frame) {
        return outputDir.resolve(fileName(frame));
    }

    /** {@code frame_NNNN.png} (at least four digits). */
    public static String fileName(int frame) {
        return String.format(Locale.ROOT, "frame_%04d.png", frame);
    }
}
