package io.tessera.worker.tasks;

import java.time.Duration;

/**
 * The reasons a TaskFailed gives: a render that ran past the run timeout, a task handed back by a draining worker,
 * or the error a render ended with (every message of its cause chain). Reasons are at most {@link #MAX_LENGTH}
 * characters: a longer one keeps its beginning and its end (where an external renderer's log tail goes).
 */
public final class FailureReasons {

    /** The longest reason sent. */
    public static final int MAX_LENGTH = 2000;

    private static final int HEAD = 400;
    private static final String CUT = " [...] ";

    private FailureReasons() {
    }

    /** {@code run timeout: render exceeded 2h (3 of 10 frames done)}. */
    public static String runTimeout(Duration limit, RunningTask task) {
        return "run timeout: render exceeded " + human(limit) + progress(task);
    }

    /** {@code worker drained: stopped after grace period 30s (3 of 10 frames done)}. */
    public static String drained(Duration grace, RunningTask task) {
        return "worker drained: stopped after grace period " + human(grace) + progress(task);
    }

    /**
     * The reason of a render that ended with {@code failure}: its message (its type when it has none) followed by
     * the messages of its causes that add something, bounded to {@link #MAX_LENGTH}.
     */
    public static String of(Throwable failure) {
        if (failure == null) {
            return "render produced no result";
        }
        StringBuilder reason = new StringBuilder(describe(failure));
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && cause != failure && depth < 5; depth++, cause = cause.getCause()) {
            String text = describe(cause);
            if (reason.indexOf(text) < 0) {
                reason.append("; caused by ").append(text);
            }
        }
        return bounded(reason.toString());
    }

    /** {@code text} cut to {@link #MAX_LENGTH} characters, keeping its beginning and its end. */
    public static String bounded(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int tail = MAX_LENGTH - HEAD - CUT.length();
        return text.substring(0, HEAD) + CUT + text.substring(text.length() - tail);
    }

    /** A duration as configured: {@code 2h}, {@code 30s}, {@code 1m30s}, {@code 1500ms}. */
    public static String human(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.toMillisPart() != 0 || duration.toNanosPart() % 1_000_000 != 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0) {
            text.append(duration.toSecondsPart()).append('s');
        }
        return text.toString();
    }

    private static String progress(RunningTask task) {
        return " (" + task.framesDone() + " of " + task.framesTotal() + " frames done)";
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
