package io.tessera.submission.blocklist;

import java.time.Instant;

/**
 * A worker on a job's blocklist, as {@code GET /api/v1/jobs/{id}/blocklist} lists it: assignment gives it none of
 * the job's tasks until the entry is cleared.
 *
 * @param failures its failed attempts on the job when it was blocklisted (the job's threshold)
 * @param reason   the reason of its last failed attempt
 * @param since    when it was blocklisted
 */
public record BlocklistView(String workerId, int failures, String reason, Instant since) {

    static BlocklistView of(BlocklistEntity entry) {
        return new BlocklistView(entry.workerId, entry.failures, entry.reason, entry.since);
    }
}
