package io.tessera.messaging.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.messaging.outbox.OutboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The idempotent-consumer record: which {@code ce_id}s a consumer has applied. Call it inside the transaction
 * that applies the event, and skip the event when it answers false.
 */
@ApplicationScoped
public class Inbox {

    private final String insert;
    private final String insertPrefix;
    private final String selectApplied;

    Inbox(OutboxConfig config) {
        this.insert = "insert into " + config.schema() + ".inbox_event (consumer, event_id)"
                + " values (:consumer, :eventId) on conflict do nothing";
        this.insertPrefix = "insert into " + config.schema() + ".inbox_event (consumer, event_id) values ";
        this.selectApplied = "select event_id from " + config.schema() + ".inbox_event"
                + " where consumer = :consumer and event_id in (:ids)";
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

    /**
     * Marks many event ids as applied by {@code consumer} in the current transaction, with one multi-row insert.
     *
     * @return the ids applied for the first time (the others are redeliveries)
     */
    public Uni<Set<String>> firstDeliveries(String consumer, Collection<String> eventIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(eventIds));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        StringBuilder sql = new StringBuilder(insertPrefix);
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:consumer, :e").append(i).append(')');
        }
        sql.append(" on conflict do nothing returning event_id");
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<String> query = session.createNativeQuery(sql.toString(), String.class)
                    .setParameter("consumer", consumer);
            for (int i = 0; i < ids.size(); i++) {
                query.setParameter("e" + i, ids.get(i));
            }
            return query.getResultList();
        }).map(Set::copyOf);
    }

    /** The ids among {@code eventIds} that {@code consumer} already applied; call inside a session. */
    public Uni<Set<String>> applied(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(selectApplied, String.class)
                        .setParameter("consumer", consumer)
                        .setParameter("ids", List.copyOf(new LinkedHashSet<>(eventIds)))
                        .getResultList())
                .map(Set::copyOf);
    }
}
