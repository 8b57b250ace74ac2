package io.tessera.submission.validation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How many tasks each strategy cuts a job into, so the limit {@code max-tasks} is enforced before anything is
 * stored. Every strategy works per frame:
 * <ul>
 *   <li>frames: {@code ceil(frames / chunkSize)}</li>
 *   <li>tiles: {@code frames × (tiles + 1)}: every tile plus one assembly task per frame</li>
 *   <li>layers: {@code frames × (render passes + 1)}: one render task per pass plus one composite task per frame,
 *       where the render passes are the requested ones plus the four compositing needs
 *       ({@link #COMPOSITE_INPUTS})</li>
 * </ul>
 */
public final class TaskCounts {

    /** The passes a composite task reads: rendered for every layers job, requested or not. */
    public static final List<String> COMPOSITE_INPUTS = List.of("diffuse", "specular", "shadows", "reflections");

    private TaskCounts() {
    }

    /** Tasks of a frames job. */
    public static long frames(long frames, int chunkSize) {
        return Chunking.taskCount(frames, chunkSize);
    }

    /** Tasks of a tiles job with {@code tiles} tiles per frame. */
    public static long tiles(long frames, long tiles) {
        return frames * (tiles + 1);
    }

    /** Tasks of a layers job requesting {@code passes}. */
    public static long layers(long frames, Collection<String> passes) {
        return frames * (renderPasses(passes).size() + 1L);
    }

    /** The passes rendered for a layers job: the requested ones plus the compositing inputs, requested first. */
    public static Set<String> renderPasses(Collection<String> passes) {
        Set<String> rendered = new LinkedHashSet<>(passes);
        rendered.addAll(COMPOSITE_INPUTS);
        return rendered;
    }

    /**
     * Tiles per frame of a grid: {@code columns × rows}, or {@code ceil(width / tileWidth) × ceil(height /
     * tileHeight)} when the grid is given by tile size (the last column and row take what is left).
     */
    public static long tilesPerFrame(Integer columns, Integer rows, Integer tileWidth, Integer tileHeight,
            int width, int height) {
        if (columns != null) {
            return (long) columns * rows;
        }
        return ceil(width, tileWidth) * ceil(height, tileHeight);
    }

    private static long ceil(long total, long part) {
        return (total + part - 1) / part;
    }
}
