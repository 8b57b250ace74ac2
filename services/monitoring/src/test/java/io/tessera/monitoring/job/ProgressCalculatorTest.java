package io.tessera.monitoring.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.contracts.TaskState;
import io.tessera.contracts.status.PartProgress;
import io.tessera.contracts.status.Progress;
import io.tessera.monitoring.task.TaskEntity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressCalculatorTest {

    private static TaskEntity task(String part, int frameStart, int frameEnd, TaskState state) {
        TaskEntity task = new TaskEntity();
        task.part = part;
        task.frameStart = frameStart;
        task.frameEnd = frameEnd;
        task.state = state;
        return task;
    }

    @Test
    void tilesCountPartsAndOneFramePerAssembly() {
        List<TaskEntity> tasks = List.of(
                task("tile", 1, 1, TaskState.SUCCEEDED),
                task("tile", 1, 1, TaskState.SUCCEEDED),
                task("tile", 1, 1, TaskState.RUNNING),
                task("assembly", 1, 1, TaskState.WAITING),
                task("tile", 2, 2, TaskState.SUCCEEDED),
                task("assembly", 2, 2, TaskState.SUCCEEDED));
        Progress progress = ProgressCalculator.of(2, 6, tasks);
        assertEquals(Map.of("tile", new PartProgress(3, 4), "assembly", new PartProgress(1, 2)), progress.parts());
        assertEquals(1, progress.framesDone());
        assertEquals(2, progress.framesTotal());
        assertEquals(6, progress.tasksTotal());
        assertEquals(Map.of("SUCCEEDED", 4, "RUNNING", 1, "WAITING", 1), progress.tasksByState());
    }

    @Test
    void passesCountNoFramesTheCompositeDoes() {
        List<TaskEntity> tasks = List.of(
                task("pass", 5, 5, TaskState.SUCCEEDED),
                task("pass", 5, 5, TaskState.SUCCEEDED),
                task("composite", 5, 5, TaskState.SUCCEEDED));
        Progress progress = ProgressCalculator.of(1, 3, tasks);
        assertEquals(Map.of("pass", new PartProgress(2, 2), "composite", new PartProgress(1, 1)), progress.parts());
        assertEquals(1, progress.framesDone());
    }

    @Test
    void chunksCountTheirFrames() {
        List<TaskEntity> tasks = List.of(
                task("chunk", 1, 10, TaskState.SUCCEEDED),
                task("chunk", 11, 20, TaskState.QUEUED));
        Progress progress = ProgressCalculator.of(0, 0, tasks);
        assertEquals(Map.of("chunk", new PartProgress(1, 2)), progress.parts());
        assertEquals(10, progress.framesDone());
        assertEquals(20, progress.framesTotal(), "unknown job frames: the planned final frames");
        assertEquals(2, progress.tasksTotal());
    }

    @Test
    void finalFramesPerPart() {
        assertEquals(4L, ProgressCalculator.finalFrames("chunk", 1, 4));
        assertEquals(1L, ProgressCalculator.finalFrames("assembly", 1, 1));
        assertEquals(1L, ProgressCalculator.finalFrames("composite", 1, 1));
        assertEquals(0L, ProgressCalculator.finalFrames("tile", 1, 1));
        assertEquals(0L, ProgressCalculator.finalFrames("pass", 1, 1));
    }

    @Test
    void groupedCountsGiveTheSameProgressAsTheTasks() {
        List<TaskEntity> tasks = List.of(
                task("chunk", 1, 10, TaskState.SUCCEEDED),
                task("chunk", 11, 15, TaskState.SUCCEEDED),
                task("chunk", 16, 20, TaskState.RUNNING),
                task("tile", 21, 21, TaskState.SUCCEEDED),
                task("assembly", 21, 21, TaskState.WAITING));
        List<ProgressCalculator.TaskGroup> groups = List.of(
                new ProgressCalculator.TaskGroup(TaskState.SUCCEEDED, "chunk", 2, 15, 1),
                new ProgressCalculator.TaskGroup(TaskState.RUNNING, "chunk", 1, 5, 1),
                new ProgressCalculator.TaskGroup(TaskState.SUCCEEDED, "tile", 1, 1, 1),
                new ProgressCalculator.TaskGroup(TaskState.WAITING, "assembly", 1, 1, 1));
        Progress grouped = ProgressCalculator.ofGroups(0, 5, groups);
        assertEquals(ProgressCalculator.of(0, 5, tasks), grouped);
        assertEquals(15, grouped.framesDone());
        assertEquals(21, grouped.framesTotal());
    }
}
