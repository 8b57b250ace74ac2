package io.tessera.monitoring.failure;

/**
 * The per-job worker blocklist as a pure policy: a worker whose failures on a job reach the job's threshold (0 or
 * none: never) is blocklisted for that job, once, until the blocklist entry is cleared.
 */
public final class Blocklisting {

    private Blocklisting() {
    }

    /**
     * True when the worker is to be blocklisted now.
     *
     * @param threshold   the job's blocklist threshold; null or 0 turn blocklisting off
     * @param failures    the worker's failed attempts on the job since it was last cleared, this one included
     * @param blocklisted whether the worker already is blocklisted for the job
     */
    public static boolean blocklistNow(Integer threshold, int failures, boolean blocklisted) {
        return !blocklisted && threshold != null && threshold > 0 && failures >= threshold;
    }
}
