package io.tessera.worker.tasks;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.renderer.trace.Pass;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The rules a task's kind puts on its region, passes and inputs:
 * <ul>
 *   <li>render: a region (if any) has a corner &ge; 0 and a positive size; passes are known pass ids; a task has a
 *       region or passes, not both (tiles are beauty; passes are whole frames);</li>
 *   <li>assemble: at least one input, each with a valid region;</li>
 *   <li>composite: at least one input, each with a known pass id;</li>
 *   <li>every input path is absolute and lies inside the output root.</li>
 * </ul>
 * A broken rule is an {@link InvalidEventException} naming the field.
 */
final class TaskShape {

    private final Path outputRoot;

    TaskShape(Path outputRoot) {
        this.outputRoot = outputRoot;
    }

    void check(TaskPlanned task) {
        switch (task.kind()) {
            case RENDER -> {
                if (task.region() != null) {
                    region("task.region", task.region());
                }
                for (int i = 0; i < task.passes().size(); i++) {
                    pass("task.passes[" + i + "]", task.passes().get(i));
                }
                if (task.region() != null && !task.passes().isEmpty()) {
                    throw new InvalidEventException("task.passes: must be empty when task.region is set (a tile is"
                            + " rendered as the beauty pass)");
                }
            }
            case ASSEMBLE -> inputs(task.inputs(), true);
            case COMPOSITE -> inputs(task.inputs(), false);
        }
    }

    private void inputs(List<TaskInput> inputs, boolean tiles) {
        if (inputs.isEmpty()) {
            throw new InvalidEventException("task.inputs: an " + (tiles ? "assemble" : "composite")
                    + " task needs at least one input");
        }
        for (int i = 0; i < inputs.size(); i++) {
            TaskInput input = inputs.get(i);
            String field = "task.inputs[" + i + "]";
            if (input == null) {
                throw new InvalidEventException(field + ": must not be null");
            }
            path(field + ".path", input.path());
            if (tiles) {
                if (input.region() == null) {
                    throw new InvalidEventException(field + ".region: is required for an assemble input");
                }
                region(field + ".region", input.region());
            } else {
                pass(field + ".pass", input.pass());
            }
        }
    }

    private void path(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + ": is required");
        }
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new InvalidEventException(field + ": is not a valid path (" + e.getMessage() + ")");
        }
        if (!path.isAbsolute() || !path.normalize().startsWith(outputRoot)) {
            throw new InvalidEventException(field + ": must be an absolute path inside the output root " + outputRoot
                    + " (was '" + value + "')");
        }
    }

    private static void region(String field, PixelRegion r) {
        if (r.x() < 0 || r.y() < 0 || r.width() <= 0 || r.height() <= 0) {
            throw new InvalidEventException(field + ": needs x, y >= 0 and width, height > 0 (was x=" + r.x()
                    + " y=" + r.y() + " width=" + r.width() + " height=" + r.height() + ")");
        }
    }

    private static void pass(String field, String id) {
        try {
            Pass.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field + ": " + (id == null ? "is required" : e.getMessage()));
        }
    }
}
