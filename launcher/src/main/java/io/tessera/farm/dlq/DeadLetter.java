package io.tessera.farm.dlq;

import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One record of a {@code <topic>.dlq} topic. SmallRye's dead-letter-queue failure strategy keeps the failed
 * record's key, value and headers and adds {@code dead-letter-reason}, {@code dead-letter-cause},
 * {@code dead-letter-topic}, {@code dead-letter-partition}, {@code dead-letter-offset} and the exception class
 * names; a service that dead-letters by itself may write only some of them, or its own reason header.
 *
 * @param dlqTopic  the dead-letter topic
 * @param partition its partition holding this record
 * @param offset    the record's offset there
 * @param timestamp when it was dead-lettered
 */
public record DeadLetter(String dlqTopic, int partition, long offset, Instant timestamp, String key, String value,
                         Headers headers) {

    /** The topic the failed record came from (SmallRye). */
    public static final String TOPIC = "dead-letter-topic";
    /** The partition the failed record came from (SmallRye). */
    public static final String PARTITION = "dead-letter-partition";
    /** The offset of the failed record (SmallRye). */
    public static final String OFFSET = "dead-letter-offset";
    /** The exception message of the failure (SmallRye, and services that dead-letter by themselves). */
    public static final String REASON = CloudEventHeaders.DEAD_LETTER_REASON;
    /** The message of the failure's cause (SmallRye, when the failure had a cause). */
    public static final String CAUSE = "dead-letter-cause";
    /** Added to a replayed record: {@code <dlq topic>:<partition>:<offset>} of the dead letter it came from. */
    public static final String REPLAYED_FROM = "tessera-replayed-from";

    /** Reads a consumed dead-letter record. */
    public static DeadLetter of(ConsumerRecord<String, String> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), record.headers());
    }

    /**
     * The topic to replay to: the {@code dead-letter-topic} header, else the dead-letter topic's name without
     * {@code .dlq}.
     */
    public String originalTopic() {
        String topic = header(TOPIC);
        return topic != null && !topic.isBlank() ? topic.trim() : DeadLetterTopics.originalOf(dlqTopic);
    }

    /** The partition the record failed on, null when no header says so. */
    public Integer originalPartition() {
        String partition = header(PARTITION);
        try {
            return partition == null ? null : Integer.valueOf(partition.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The offset the record failed at, null when no header says so. */
    public Long originalOffset() {
        String offset = header(OFFSET);
        try {
            return offset == null ? null : Long.valueOf(offset.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The CloudEvents id, null for records that are not events (raw job requests). */
    public String ceId() {
        return header(CloudEventHeaders.ID);
    }

    /** The CloudEvents type, null for records that are not events. */
    public String ceType() {
        return header(CloudEventHeaders.TYPE);
    }

    /**
     * Why the record was dead-lettered: {@code dead-letter-reason} (with {@code dead-letter-cause} when it adds
     * something), else the first other reason header a service wrote; null when there is none.
     */
    public String reason() {
        String reason = header(REASON);
        if (reason == null) {
            for (Header header : headers) {
                if (isDeadLetterAnnotation(header.key()) && header.key().toLowerCase(Locale.ROOT).contains("reason")) {
                    reason = text(header);
                    break;
                }
            }
        }
        String cause = header(CAUSE);
        if (cause != null && !cause.isBlank() && (reason == null || !reason.contains(cause))) {
            return reason == null ? "cause: " + cause : reason + " (cause: " + cause + ")";
        }
        return reason;
    }

    /** {@code <dlq topic>:<partition>:<offset>}, the value of {@link #REPLAYED_FROM} on the replayed record. */
    public String address() {
        return dlqTopic + ":" + partition + ":" + offset;
    }

    /**
     * The record to republish: original topic, key, value and headers, without the dead-letter annotations (and
     * without the marker of an earlier replay), plus {@link #REPLAYED_FROM}. It goes to the partition it failed
     * on when the topic still has it (assignment addresses a worker by partition), else where its key hashes.
     *
     * @param partitions how many partitions the original topic has
     */
    public ProducerRecord<String, String> replayRecord(int partitions) {
        List<Header> kept = new ArrayList<>();
        for (Header header : headers) {
            if (!isDeadLetterAnnotation(header.key()) && !header.key().equals(REPLAYED_FROM)) {
                kept.add(header);
            }
        }
        kept.add(new RecordHeader(REPLAYED_FROM, address().getBytes(StandardCharsets.UTF_8)));
        Integer failedOn = originalPartition();
        Integer partition = failedOn != null && failedOn >= 0 && failedOn < partitions ? failedOn : null;
        return new ProducerRecord<>(originalTopic(), partition, key, value, new RecordHeaders(kept));
    }

    /**
     * True for the headers a dead-lettering adds: every {@code dead-letter-*} header and any other header (not a
     * CloudEvents attribute) whose name mentions a dead letter or a reason.
     */
    static boolean isDeadLetterAnnotation(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ce_") || lower.equals(CloudEventHeaders.CONTENT_TYPE)) {
            return false;
        }
        return lower.contains("dead-letter") || lower.contains("dead_letter") || lower.contains("reason");
    }

    private String header(String name) {
        return EventEnvelope.header(headers, name);
    }

    private static String text(Header header) {
        return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
