package io.tessera.worker.engine;

/**
 * One rule of {@code tessera.worker.faults}: what happens to an attempt of a task whose frames include
 * {@code frame}, for attempt numbers {@code 1..attempts} (every attempt when {@link #ALWAYS}).
 *
 * @param action   {@link Action#FAIL} or {@link Action#HANG}
 * @param frame    the frame that triggers the rule (a task covering it is affected)
 * @param attempts the last attempt number affected, {@link #ALWAYS} for every attempt
 * @param text     the rule as configured, for messages
 */
public record FaultRule(Action action, int frame, int attempts, String text) {

    /** {@code attempts=always}: every attempt is affected. */
    public static final int ALWAYS = Integer.MAX_VALUE;

    /** What an affected attempt does. */
    public enum Action {
        /** The render throws at once, as an engine that cannot render the frame would. */
        FAIL,
        /** The render blocks until its thread is interrupted (by the run timeout, a cancel or a drain). */
        HANG
    }

    /** Whether an attempt numbered {@code attempt} of a task of frames {@code frameStart..frameEnd} is affected. */
    public boolean affects(int frameStart, int frameEnd, int attempt) {
        return frameStart <= frame && frame <= frameEnd && attempt <= attempts;
    }
}
