package io.tessera.messaging.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.messaging.outbox.OutboxConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The idempotent-consumer record: which {@code ce_id}s a consumer has applied. Call it inside the transaction
 * that applies the event, and skip the event when it answers false.
 */
@ApplicationScoped
public class Inbox {

    private final String insert;

    Inbox(OutboxConfig config) {
        this.insert = "insert into " + config.schema() + ".inbox_event (consumer, event_id)"
                + " values (:consumer, :eventId) on conflict do nothing";
    }

    /**
     * Marks {@code eventId} as applied by {@code consumer} in the current transaction.
     *
     * @return true the first time, false when the event was already applied (a redelivery)
     */
    public Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(insert)
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
