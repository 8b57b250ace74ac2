package io.tessera.worker.tasks;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskPlanned;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks a TaskDispatched before the worker takes it and resolves the job's output directory inside the farm's
 * output root ({@code tessera.output-root}); {@link TaskShape} checks what its kind needs (region, passes, inputs). Every broken rule is an {@link InvalidEventException} naming the field,
 * so the record goes to the dead-letter topic.
 */
public final class DispatchReader {

    /** Task ids become directory names: letters, digits, dot, underscore and dash, not starting with a dot. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

    private final Path outputRoot;

    /** @param outputRoot the farm's output root; every output directory must lie inside it */
    public DispatchReader(Path outputRoot) {
        this.outputRoot = outputRoot.toAbsolutePath().normalize();
    }

    /**
     * The job's output directory of a valid dispatch.
     *
     * @throws InvalidEventException naming the first field that breaks a rule
     */
    public Path check(TaskDispatched dispatched) {
        TaskPlanned task = dispatched.task();
        if (task == null) {
            throw new InvalidEventException("task: is required");
        }
        if (task.taskId() == null || !SAFE_ID.matcher(task.taskId()).matches()) {
            throw new InvalidEventException("task.taskId: is required and may hold only letters, digits, '.', '_'"
                    + " and '-' (was '" + task.taskId() + "')");
        }
        if (task.jobId() == null || task.jobId().isBlank()) {
            throw new InvalidEventException("task.jobId: is required");
        }
        if (dispatched.attempt() < 1) {
            throw new InvalidEventException("attempt: must be >= 1 (was " + dispatched.attempt() + ")");
        }
        if (task.frameEnd() < task.frameStart()) {
            throw new InvalidEventException("task.frameEnd: must be >= frameStart (" + task.frameStart() + "), was "
                    + task.frameEnd());
        }
        if (task.scene() == null || task.scene().isBlank()) {
            throw new InvalidEventException("task.scene: is required");
        }
        Path outputDir = outputDir(task.outputDir());
        new TaskShape(outputRoot).check(task);
        return outputDir;
    }

    private Path outputDir(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("task.outputDir: is required");
        }
        Path dir;
        try {
            dir = outputRoot.resolve(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidEventException("task.outputDir: is not a valid path (" + e.getMessage() + ")");
        }
        if (!dir.startsWith(outputRoot)) {
            throw new InvalidEventException("task.outputDir: must lie inside the output root " + outputRoot
                    + " (was '" + value + "')");
        }
        return dir;
    }
}
