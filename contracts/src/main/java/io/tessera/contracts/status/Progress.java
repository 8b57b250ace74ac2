package io.tessera.contracts.status;

import java.util.Map;

/** Task counts of a job by state, and frames done. */
public record Progress(int tasksTotal, Map<String, Integer> tasksByState, int framesDone, int framesTotal) {
}
