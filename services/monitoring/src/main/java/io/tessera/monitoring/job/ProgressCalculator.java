package io.tessera.monitoring.job;

import io.tessera.contracts.TaskState;
import io.tessera.contracts.status.PartProgress;
import io.tessera.contracts.status.Progress;
import io.tessera.monitoring.task.TaskEntity;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A job's {@link Progress} from its tasks: counts by state, parts ({@code TaskPlanned.part()}) done of total, and
 * final frames done. A final frame is a frame of a {@code chunk} task, or the one frame an {@code assembly} or
 * {@code composite} task produces; {@code tile} and {@code pass} tasks make no final frame by themselves.
 */
public final class ProgressCalculator {

    private ProgressCalculator() {
    }

    /**
     * The progress of a job of {@code framesTotal} frames (0 = unknown: the planned final frames are used) cut
     * into {@code tasksTotal} tasks (0 = unknown: the tasks seen so far).
     */
    public static Progress of(int framesTotal, int tasksTotal, Collection<TaskEntity> tasks) {
        Map<String, Integer> byState = new LinkedHashMap<>();
        Map<String, int[]> parts = new TreeMap<>();
        int framesDone = 0;
        int framesPlanned = 0;
        for (TaskEntity task : tasks) {
            byState.merge(task.state.name(), 1, Integer::sum);
            int[] part = parts.computeIfAbsent(task.part, p -> new int[2]);
            part[1]++;
            int frames = finalFrames(task.part, task.frameCount());
            framesPlanned += frames;
            if (task.state == TaskState.SUCCEEDED) {
                part[0]++;
                framesDone += frames;
            }
        }
        Map<String, PartProgress> partProgress = new LinkedHashMap<>();
        parts.forEach((part, counts) -> partProgress.put(part, new PartProgress(counts[0], counts[1])));
        return new Progress(Math.max(tasksTotal, tasks.size()), byState, framesDone,
                framesTotal > 0 ? framesTotal : framesPlanned, partProgress);
    }

    /** Final frames a task of {@code part} produces when it succeeds. */
    public static int finalFrames(String part, int frameCount) {
        return switch (part) {
            case "chunk" -> frameCount;
            case "assembly", "composite" -> 1;
            default -> 0;
        };
    }
}
