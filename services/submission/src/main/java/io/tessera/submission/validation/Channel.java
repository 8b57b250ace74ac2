package io.tessera.submission.validation;

import java.util.Locale;

/** Where a job request came from. */
public enum Channel {
    /** {@code POST /api/v1/jobs}. */
    REST,
    /** A record on {@code farm.job-requests.v1}. */
    KAFKA;

    /** The lowercase name used as a metric tag. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
