package io.tessera.contracts.status;

import java.util.Map;

/**
 * Task counts of a job by state, frames done (final frames: rendered whole, assembled or composited), and progress
 * per part keyed by {@link io.tessera.contracts.tasks.TaskPlanned#part()} ({@code tile}, {@code pass}, ...).
 */
public record Progress(int tasksTotal, Map<String, Integer> tasksByState, int framesDone, int framesTotal,
                       Map<String, PartProgress> parts) {

    /** Normalises absent parts to an empty map. */
    public Progress {
        parts = parts == null ? Map.of() : Map.copyOf(parts);
    }

    /** Progress without parts (the walking skeleton's shape). */
    public Progress(int tasksTotal, Map<String, Integer> tasksByState, int framesDone, int framesTotal) {
        this(tasksTotal, tasksByState, framesDone, framesTotal, Map.of());
    }
}
