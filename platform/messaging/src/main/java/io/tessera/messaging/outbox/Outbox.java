package io.tessera.messaging.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes events to the transactional outbox. Call it inside the transaction that changes the state the event
 * describes ({@code Panache.withTransaction}); {@link OutboxRelay} publishes committed rows to Kafka.
 */
@ApplicationScoped
public class Outbox {

    private final String source;
    private final String insert;

    Outbox(@ConfigProperty(name = "quarkus.application.name") String applicationName, OutboxConfig config) {
        this.source = "/tessera/" + applicationName;
        this.insert = "insert into " + config.schema() + ".outbox_event"
                + " (event_id, topic, record_key, partition_no, event_type, source, subject, payload)"
                + " values (:eventId, :topic, :key, :partition, :type, :source, :subject, :payload)";
    }

    /**
     * Adds an event to the current transaction.
     *
     * @param topic   destination topic
     * @param key     record key (partitioning)
     * @param eventId the CloudEvents id; derive it deterministically when the same decision may be retried
     */
    public Uni<Void> add(String topic, String key, String eventId, TesseraEvent event) {
        return add(topic, key, null, eventId, event);
    }

    /**
     * Adds an event for one partition of {@code topic} (e.g. the partition a chosen worker consumes); a null
     * partition lets the producer pick one from the key.
     */
    public Uni<Void> add(String topic, String key, Integer partition, String eventId, TesseraEvent event) {
        EventEnvelope envelope = EventEnvelope.of(eventId, source, event);
        return Panache.getSession().chain(session -> session.createNativeQuery(insert)
                .setParameter("eventId", envelope.id())
                .setParameter("topic", topic)
                .setParameter("key", key)
                .setParameter("partition", partition)
                .setParameter("type", envelope.type())
                .setParameter("source", envelope.source())
                .setParameter("subject", envelope.subject())
                .setParameter("payload", envelope.data())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The CloudEvents source of this service's events, e.g. {@code /tessera/monitoring}. */
    public String source() {
        return source;
    }
}
