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

    /** Tasks of a job in one state and part: how many, their frames in all, and their highest attempt. */
    public record TaskGroup(TaskState state, String part, int tasks, long frames, int maxAttempt) {
    }

    /**
     * The progress of a job of {@code framesTotal} frames (0 = unknown: the planned final frames are used) cut
     * into {@code tasksTotal} tasks (0 = unknown: the tasks seen so far).
     */
    public static Progress of(int framesTotal, int tasksTotal, Collection<TaskEntity> tasks) {
        return ofGroups(framesTotal, tasksTotal, tasks.stream()
                .map(t -> new TaskGroup(t.state, t.part, 1, t.frameCount(), t.attempt)).toList());
    }

    /** As {@link #of}, from the job's tasks counted per state and part (one SQL aggregate, no task rows). */
    public static Progress ofGroups(int framesTotal, int tasksTotal, Collection<TaskGroup> groups) {
        Map<String, Integer> byState = new LinkedHashMap<>();
        Map<String, int[]> parts = new TreeMap<>();
        long framesDone = 0;
        long framesPlanned = 0;
        int seen = 0;
        for (TaskGroup group : groups) {
            seen += group.tasks();
            byState.merge(group.state().name(), group.tasks(), Integer::sum);
            int[] part = parts.computeIfAbsent(group.part(), p -> new int[2]);
            part[1] += group.tasks();
            long frames = finalFrames(group.part(), group.tasks(), group.frames());
            framesPlanned += frames;
            if (group.state() == TaskState.SUCCEEDED) {
                part[0] += group.tasks();
                framesDone += frames;
            }
        }
        Map<String, PartProgress> partProgress = new LinkedHashMap<>();
        parts.forEach((part, counts) -> partProgress.put(part, new PartProgress(counts[0], counts[1])));
        return new Progress(Math.max(tasksTotal, seen), byState, (int) framesDone,
                framesTotal > 0 ? framesTotal : (int) framesPlanned, partProgress);
    }

    /** Final frames {@code tasks} tasks of {@code part} covering {@code frames} frames produce when they succeed. */
    static long finalFrames(String part, int tasks, long frames) {
        return switch (part) {
            case "chunk" -> frames;
            case "assembly", "composite" -> tasks;
            default -> 0;
        };
    }
}
