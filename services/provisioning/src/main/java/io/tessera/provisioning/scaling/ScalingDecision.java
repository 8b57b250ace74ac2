package io.tessera.provisioning.scaling;

/**
 * What the {@link ScalingPolicy} decided for one capability.
 *
 * @param action   start workers, stop one worker, or do nothing
 * @param count    how many workers to start (START only)
 * @param workerId the worker to stop (STOP only)
 * @param reason   why, in words an operator reads in the WorkerScaled event and the log
 */
public record ScalingDecision(Action action, int count, String workerId, String reason) {

    /** The kinds of decision. */
    public enum Action {
        START, STOP, NONE
    }

    /** Start {@code count} workers. */
    public static ScalingDecision start(int count, String reason) {
        return new ScalingDecision(Action.START, count, null, reason);
    }

    /** Stop the worker {@code workerId}. */
    public static ScalingDecision stop(String workerId, String reason) {
        return new ScalingDecision(Action.STOP, 0, workerId, reason);
    }

    /** Change nothing. */
    public static ScalingDecision none(String reason) {
        return new ScalingDecision(Action.NONE, 0, null, reason);
    }
}
