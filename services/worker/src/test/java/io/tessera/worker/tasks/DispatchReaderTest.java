package io.tessera.worker.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatchReaderTest {

    private final DispatchReader reader = new DispatchReader(Path.of("/farm/out"));

    private static TaskDispatched dispatched(String taskId, int start, int end, String outputDir, int attempt) {
        return new TaskDispatched(new TaskPlanned(taskId, "job-1", 0, 1, start, end,
                new Requirements(Capability.CPU, null, null), 50, "{}", outputDir), attempt, Instant.now());
    }

    @Test
    void outputDirectoriesResolveInsideTheOutputRoot() {
        assertEquals(Path.of("/farm/out/job-1"), reader.check(dispatched("job-1-t00000", 1, 3, "/farm/out/job-1", 1)));
        assertEquals(Path.of("/farm/out/job-1"), reader.check(dispatched("job-1-t00000", 1, 3, "job-1", 1)));
    }

    @Test
    void brokenRulesNameTheField() {
        assertReason("task.outputDir", dispatched("job-1-t00000", 1, 3, "/etc", 1));
        assertReason("task.outputDir", dispatched("job-1-t00000", 1, 3, "../elsewhere", 1));
        assertReason("task.taskId", dispatched("../../etc", 1, 3, "job-1", 1));
        assertReason("task.frameEnd", dispatched("job-1-t00000", 3, 1, "job-1", 1));
        assertReason("attempt", dispatched("job-1-t00000", 1, 3, "job-1", 0));
        assertReason("task:", new TaskDispatched(null, 1, Instant.now()));
    }

    @Test
    void eachKindGetsWhatItNeeds() {
        assertEquals(Path.of("/farm/out/job-1"), reader.check(shaped(TaskKind.RENDER, new PixelRegion(0, 0, 8, 8),
                List.of(), List.of())));
        assertEquals(Path.of("/farm/out/job-1"), reader.check(shaped(TaskKind.RENDER, null,
                List.of("diffuse", "beauty"), List.of())));
        assertEquals(Path.of("/farm/out/job-1"), reader.check(shaped(TaskKind.ASSEMBLE, null, List.of(),
                List.of(new TaskInput("/farm/out/job-1/tiles/frame_0001/tile_x0000_y0000.png", 1,
                        new PixelRegion(0, 0, 8, 8), null)))));
        assertEquals(Path.of("/farm/out/job-1"), reader.check(shaped(TaskKind.COMPOSITE, null, List.of(),
                List.of(new TaskInput("/farm/out/job-1/passes/frame_0001/diffuse.pfm", 1, null, "diffuse")))));
    }

    @Test
    void brokenShapesNameTheField() {
        assertReason("task.region", shaped(TaskKind.RENDER, new PixelRegion(0, -1, 8, 8), List.of(), List.of()));
        assertReason("task.region", shaped(TaskKind.RENDER, new PixelRegion(0, 0, 0, 8), List.of(), List.of()));
        assertReason("task.passes[1]", shaped(TaskKind.RENDER, null, List.of("diffuse", "glow"), List.of()));
        assertReason("task.passes", shaped(TaskKind.RENDER, new PixelRegion(0, 0, 8, 8), List.of("diffuse"),
                List.of()));
        assertReason("task.inputs", shaped(TaskKind.ASSEMBLE, null, List.of(), List.of()));
        assertReason("task.inputs[0].region", shaped(TaskKind.ASSEMBLE, null, List.of(),
                List.of(new TaskInput("/farm/out/job-1/t.png", 1, null, null))));
        assertReason("task.inputs[0].pass", shaped(TaskKind.COMPOSITE, null, List.of(),
                List.of(new TaskInput("/farm/out/job-1/x.pfm", 1, null, "glow"))));
        assertReason("task.inputs[0].path", shaped(TaskKind.COMPOSITE, null, List.of(),
                List.of(new TaskInput("/etc/passwd", 1, null, "diffuse"))));
        assertReason("task.inputs[0].path", shaped(TaskKind.COMPOSITE, null, List.of(),
                List.of(new TaskInput("/farm/out/../secret/x.pfm", 1, null, "diffuse"))));
        assertReason("task.inputs[0].path", shaped(TaskKind.COMPOSITE, null, List.of(),
                List.of(new TaskInput("job-1/x.pfm", 1, null, "diffuse"))));
    }

    private static TaskDispatched shaped(TaskKind kind, PixelRegion region, List<String> passes,
                                         List<TaskInput> inputs) {
        return new TaskDispatched(new TaskPlanned("job-1-t00000", "job-1", 0, 1, 1, 1,
                new Requirements(Capability.CPU, null, null), 50, "{}", "/farm/out/job-1", kind, region, passes,
                inputs, List.of(), 0, false), 1, Instant.now());
    }

    private void assertReason(String field, TaskDispatched dispatched) {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> reader.check(dispatched));
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }
}
