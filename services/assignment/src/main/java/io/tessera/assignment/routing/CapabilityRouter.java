package io.tessera.assignment.routing;

import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskPlanned;
import java.time.Instant;

/**
 * Routes a planned task to the task topic of its capability as attempt 1: {@code farm.tasks.cpu.v1} or
 * {@code farm.tasks.gpu.v1}, key taskId, {@code ce_id} {@code task:{taskId}:1:dispatched}. Pure: the same task
 * always gets the same route and id, so a redelivered TaskPlanned is deduped by the workers.
 */
public final class CapabilityRouter {

    /** Assignment dispatches the first attempt; monitoring republishes later ones. */
    public static final int FIRST_ATTEMPT = 1;

    /** Where and as what a task is dispatched. */
    public record Dispatch(Capability capability, String topic, String key, String eventId, TaskDispatched event) {
    }

    /**
     * The dispatch of {@code task}'s first attempt at {@code now}.
     *
     * @throws InvalidEventException naming the field when the task cannot be routed
     */
    public Dispatch route(TaskPlanned task, Instant now) {
        if (task.taskId() == null || task.taskId().isBlank()) {
            throw new InvalidEventException("taskId: is required");
        }
        if (task.jobId() == null || task.jobId().isBlank()) {
            throw new InvalidEventException("jobId: is required");
        }
        if (task.requirements() == null || task.requirements().capability() == null) {
            throw new InvalidEventException("requirements.capability: is required");
        }
        Capability capability = task.requirements().capability();
        return new Dispatch(capability, Topics.tasksFor(capability), task.taskId(),
                eventId(task.taskId(), FIRST_ATTEMPT), new TaskDispatched(task, FIRST_ATTEMPT, now));
    }

    /** The CloudEvents id of a TaskDispatched: {@code task:{taskId}:{attempt}:dispatched}. */
    public static String eventId(String taskId, int attempt) {
        return "task:" + taskId + ":" + attempt + ":dispatched";
    }
}
