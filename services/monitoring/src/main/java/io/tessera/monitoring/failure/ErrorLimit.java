package io.tessera.monitoring.failure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-job error limit as a pure policy: a job FAILS once its failed attempts reach its limit (0 or none: no
 * limit), and its reason names the count, the limit and the last few distinct failure reasons.
 */
public final class ErrorLimit {

    /** How many distinct reasons the job's failure message lists. */
    public static final int REASONS_LISTED = 3;
    /** The longest a listed reason gets (its first line, cut): a worker's reason may carry a long log tail. */
    public static final int REASON_LENGTH = 200;

    private ErrorLimit() {
    }

    /** True when a job with {@code limit} (null or 0: none) has reached it with {@code failedAttempts}. */
    public static boolean reached(Integer limit, int failedAttempts) {
        return limit != null && limit > 0 && failedAttempts >= limit;
    }

    /**
     * The job's failure reason, e.g. {@code error limit reached: 5 failed attempts (errorLimit 5); last reasons:
     * exit code 3 | out of memory}.
     *
     * @param reasonsNewestFirst the reasons of the job's failed attempts, newest first
     */
    public static String reason(int limit, int failedAttempts, List<String> reasonsNewestFirst) {
        List<String> distinct = lastDistinct(reasonsNewestFirst);
        return "error limit reached: " + failedAttempts + " failed attempt" + (failedAttempts == 1 ? "" : "s")
                + " (errorLimit " + limit + ")"
                + (distinct.isEmpty() ? "" : "; last reasons: " + String.join(" | ", distinct));
    }

    /** Up to {@link #REASONS_LISTED} distinct reasons, newest first, each its first line cut to {@link #REASON_LENGTH}. */
    static List<String> lastDistinct(List<String> reasonsNewestFirst) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String reason : reasonsNewestFirst) {
            if (distinct.size() == REASONS_LISTED) {
                break;
            }
            String summary = summary(reason);
            if (!summary.isEmpty()) {
                distinct.add(summary);
            }
        }
        return new ArrayList<>(distinct);
    }

    private static String summary(String reason) {
        if (reason == null) {
            return "";
        }
        String line = reason.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline).strip();
        }
        return line.length() <= REASON_LENGTH ? line : line.substring(0, REASON_LENGTH - 3) + "...";
    }
}
