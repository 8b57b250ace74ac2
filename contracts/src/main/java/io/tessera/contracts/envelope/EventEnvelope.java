package io.tessera.contracts.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A CloudEvent in Kafka binary mode: attributes in {@code ce_*} headers, JSON data as the record value.
 *
 * @param id      the idempotency key; producers derive it deterministically where a retry may resend
 * @param type    {@code io.tessera.<EventName>}
 * @param source  the producing service, e.g. {@code /tessera/monitoring}
 * @param subject the id of the job, task or worker the event is about
 * @param data    the event as JSON text
 */
public record EventEnvelope(String id, String type, String source, String subject, Instant time, String data) {

    /** Wraps an event with the given id. */
    public static EventEnvelope of(String id, String source, TesseraEvent event) {
        return new EventEnvelope(id, EventTypes.typeOf(event.getClass()), source, event.subject(), Instant.now(),
                Json.write(event));
    }

    /**
     * Reads the envelope of a consumed record.
     *
     * @throws InvalidEventException naming the missing header or empty value
     */
    public static EventEnvelope from(ConsumerRecord<?, String> record) {
        Headers headers = record.headers();
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String time = header(headers, CloudEventHeaders.TIME);
        if (record.value() == null || record.value().isBlank()) {
            throw new InvalidEventException("record value: must hold the event data as JSON");
        }
        return new EventEnvelope(id, type, header(headers, CloudEventHeaders.SOURCE),
                header(headers, CloudEventHeaders.SUBJECT), time == null ? null : Instant.parse(time), record.value());
    }

    /** Reads the data as the record class named by {@link #type()}. */
    public TesseraEvent event() {
        Class<? extends TesseraEvent> eventClass = EventTypes.classOf(type)
                .orElseThrow(() -> new InvalidEventException("ce_type: unknown event type '" + type + "'"));
        return Json.read(data, eventClass);
    }

    /** Reads the data as {@code type}. */
    public <T extends TesseraEvent> T event(Class<T> eventClass) {
        return Json.read(data, eventClass);
    }

    /** The CloudEvents binary-mode headers of this envelope. */
    public List<Header> headers() {
        List<Header> headers = new ArrayList<>(7);
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.ID, id);
        add(headers, CloudEventHeaders.TYPE, type);
        add(headers, CloudEventHeaders.SOURCE, source);
        add(headers, CloudEventHeaders.SUBJECT, subject);
        add(headers, CloudEventHeaders.TIME, time == null ? null : time.toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    /** A record for {@code topic} with {@code key}, these headers and the data as value. */
    public ProducerRecord<String, String> toRecord(String topic, String key) {
        return new ProducerRecord<>(topic, null, key, data, headers());
    }

    /** Reads one header as UTF-8 text, null when absent. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(name + ": header is required (CloudEvents binary mode)");
        }
        return value;
    }

    private static void add(List<Header> headers, String name, String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
