package io.tessera.worker.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskPlanned;
import java.nio.file.Path;
import java.time.Instant;
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

    private void assertReason(String field, TaskDispatched dispatched) {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> reader.check(dispatched));
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }
}
