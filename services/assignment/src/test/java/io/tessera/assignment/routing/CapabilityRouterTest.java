package io.tessera.assignment.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.TaskPlanned;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CapabilityRouterTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private final CapabilityRouter router = new CapabilityRouter();

    private static TaskPlanned task(String taskId, Requirements requirements) {
        return new TaskPlanned(taskId, "job-1", 0, 1, 1, 4, requirements, 50, "{}", "/out/job-1");
    }

    @Test
    void cpuTasksGoToTheCpuTopicAsAttemptOne() {
        TaskPlanned task = task("job-1-t00000", new Requirements(Capability.CPU, null, null));
        CapabilityRouter.Dispatch dispatch = router.route(task, NOW);
        assertEquals(Topics.TASKS_CPU, dispatch.topic());
        assertEquals("job-1-t00000", dispatch.key());
        assertEquals("task:job-1-t00000:1:dispatched", dispatch.eventId());
        assertEquals(Capability.CPU, dispatch.capability());
        assertSame(task, dispatch.event().task());
        assertEquals(1, dispatch.event().attempt());
        assertEquals(NOW, dispatch.event().dispatchedAt());
    }

    @Test
    void gpuTasksGoToTheGpuTopic() {
        CapabilityRouter.Dispatch dispatch =
                router.route(task("job-1-t00003", new Requirements(Capability.GPU, 8, 16_384)), NOW);
        assertEquals(Topics.TASKS_GPU, dispatch.topic());
        assertEquals("task:job-1-t00003:1:dispatched", dispatch.eventId());
    }

    @Test
    void routingIsDeterministic() {
        TaskPlanned task = task("job-1-t00001", new Requirements(Capability.GPU, null, null));
        assertEquals(router.route(task, NOW), router.route(task, NOW));
    }

    @Test
    void taskWithoutCapabilityCannotBeRouted() {
        assertEquals("requirements.capability: is required", assertThrows(InvalidEventException.class,
                () -> router.route(task("t", null), NOW)).getMessage());
        assertEquals("requirements.capability: is required", assertThrows(InvalidEventException.class,
                () -> router.route(task("t", new Requirements(null, 1, 1)), NOW)).getMessage());
        assertEquals("taskId: is required", assertThrows(InvalidEventException.class,
                () -> router.route(task("", new Requirements(Capability.CPU, null, null)), NOW)).getMessage());
    }

    @Test
    void unplaceableJobsAreWarnedOnce() {
        UnplaceableWarnings warnings = new UnplaceableWarnings(2);
        assertTrue(warnings.firstFor("a"));
        assertFalse(warnings.firstFor("a"));
        assertTrue(warnings.firstFor("b"));
        assertTrue(warnings.firstFor("c"));
        assertTrue(warnings.firstFor("a"), "the oldest job is forgotten beyond the limit");
    }
}
