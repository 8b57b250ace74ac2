package io.tessera.monitoring.task;

/**
 * The outcome of {@link TaskLifecycle} for one event.
 *
 * @param action what to do
 * @param reason why, for logs and for the task's reason when it fails
 */
public record Decision(Action action, String reason) {

    static Decision of(Action action, String reason) {
        return new Decision(action, reason);
    }

    /** True when the decision changes the task's state or attempt. */
    public boolean changesState() {
        return action == Action.START || action == Action.COMMIT || action == Action.RETRY || action == Action.DEAD;
    }
}
