package io.tessera.contracts.envelope;

/** Kafka header names of CloudEvents binary mode, and the dead-letter reason header. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    /** The idempotency key: consumers process an event id at most once. */
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /** Reason a record was dead-lettered (written by SmallRye's dead-letter-queue failure strategy too). */
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
