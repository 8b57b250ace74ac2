package io.tessera.segmentation.planning;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskGraphTest {

    private static TaskPlanned task(String id, String... dependsOn) {
        return new TaskPlanned(id, "job-g", 0, 1, 1, 1, null, 50, "{}", "/out", TaskKind.RENDER, null, List.of(),
                List.of(), List.of(dependsOn), 0, false);
    }

    private static String message(List<TaskPlanned> tasks) {
        return assertThrows(InvalidEventException.class, () -> TaskGraph.check(tasks)).getMessage();
    }

    @Test
    void aDiamondIsValid() {
        assertDoesNotThrow(() -> TaskGraph.check(List.of(task("d", "b", "c"), task("b", "a"), task("c", "a"),
                task("a"))));
        assertDoesNotThrow(() -> TaskGraph.check(List.of()));
    }

    @Test
    void aCycleIsRejectedNamingItsTasks() {
        assertEquals("dependsOn: tasks b -> c -> d -> b form a cycle",
                message(List.of(task("a"), task("b", "a", "c"), task("c", "d"), task("d", "b"), task("e", "d"))));
    }

    @Test
    void aTaskDependingOnItselfIsACycle() {
        assertEquals("dependsOn: tasks a -> a form a cycle", message(List.of(task("a", "a"))));
    }

    @Test
    void anUnknownDependencyIsRejected() {
        assertEquals("dependsOn: task b depends on zz, which is not a task of job job-g",
                message(List.of(task("a"), task("b", "a", "zz"))));
    }

    @Test
    void aDuplicateTaskIdIsRejected() {
        assertEquals("taskId: a is planned twice", message(List.of(task("a"), task("a"))));
    }
}
