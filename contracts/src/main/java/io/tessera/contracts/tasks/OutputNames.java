package io.tessera.contracts.tasks;

import java.nio.file.Path;

/**
 * Where every output of a job lives, relative to its output directory. Segmentation names the inputs of assembly
 * and composite tasks with these, workers name what they write, so both always agree.
 * <ul>
 *   <li>{@code frame_0001.png}: a final frame (rendered whole, assembled from tiles, or composited from passes)</li>
 *   <li>{@code tiles/frame_0001/tile_x0000_y0000.png}: one tile</li>
 *   <li>{@code passes/frame_0001/diffuse.png} (viewable, 8-bit sRGB) and {@code passes/frame_0001/diffuse.pfm}
 *       (linear float, what compositing reads)</li>
 * </ul>
 * Attempt-private staging: {@code .staging/{taskId}/attempt-{n}-{run}/} followed by the same relative name, where
 * {@code run} names the worker that runs the attempt: should two workers ever run the same attempt (a record
 * handed on by a worker that crashed before its own copy was acknowledged), they never write the same file.
 */
public final class OutputNames {

    private OutputNames() {
    }

    /** The final image of {@code frame}. */
    public static Path frame(Path outputDir, int frame) {
        return outputDir.resolve(String.format("frame_%04d.png", frame));
    }

    /** The image of one tile of {@code frame}. */
    public static Path tile(Path outputDir, int frame, PixelRegion region) {
        return outputDir.resolve("tiles").resolve(String.format("frame_%04d", frame))
                .resolve(String.format("tile_x%04d_y%04d.png", region.x(), region.y()));
    }

    /** One pass of {@code frame}; {@code extension} is {@code png} (viewable) or {@code pfm} (linear float). */
    public static Path pass(Path outputDir, int frame, String pass, String extension) {
        return outputDir.resolve("passes").resolve(String.format("frame_%04d", frame))
                .resolve(pass + "." + extension);
    }

    /**
     * Where attempt {@code attempt} of {@code taskId}, run by {@code run} (the worker id; characters other than
     * letters, digits, '.', '_' and '-' become '_'), stages a file before monitoring commits it to {@code finalPath}.
     */
    public static Path staged(Path outputDir, String taskId, int attempt, String run, Path finalPath) {
        return outputDir.resolve(".staging").resolve(taskId)
                .resolve("attempt-" + attempt + "-" + run.replaceAll("[^A-Za-z0-9._-]", "_"))
                .resolve(outputDir.relativize(finalPath));
    }
}
