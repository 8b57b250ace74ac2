package io.tessera.messaging.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes events to the transactional outbox. Call it inside the transaction that changes the state the event
 * describes ({@code Panache.withTransaction}); {@link OutboxRelay} publishes committed rows to Kafka.
 */
@ApplicationScoped
public class Outbox {

    /** Vert.x context-local key of the events {@link #collecting} holds back. */
    private static final String COLLECTED = "tessera.outbox.collected";

    private final String source;
    /** Rows per multi-row insert of {@link #addAll}: 7 parameters each, far below PostgreSQL's 65,535. */
    static final int ROWS_PER_INSERT = 500;

    private final String insert;
    private final String insertPrefix;

    Outbox(@ConfigProperty(name = "quarkus.application.name") String applicationName, OutboxConfig config) {
        this.source = "/tessera/" + applicationName;
        this.insert = "insert into " + config.schema() + ".outbox_event"
                + " (event_id, topic, record_key, partition_no, event_type, source, subject, payload)"
                + " values (:eventId, :topic, :key, :partition, :type, :source, :subject, :payload)";
        this.insertPrefix = "insert into " + config.schema() + ".outbox_event"
                + " (event_id, topic, record_key, partition_no, event_type, source, subject, payload) values ";
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
        List<Pending> collected = collected();
        if (collected != null) {
            collected.add(new Pending(topic, key, partition, eventId, event));
            return Uni.createFrom().voidItem();
        }
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

    /** An event to add: where it goes and its CloudEvents id (see {@link #add(String, String, Integer, String, TesseraEvent)}). */
    public record Pending(String topic, String key, Integer partition, String eventId, TesseraEvent event) {
    }

    /** Adds one event to the current transaction. */
    public Uni<Void> add(Pending pending) {
        return add(pending.topic(), pending.key(), pending.partition(), pending.eventId(), pending.event());
    }

    /**
     * Adds many events to the current transaction with multi-row inserts (one round trip per {@value #ROWS_PER_INSERT}
     * events), in list order.
     */
    public Uni<Void> addAll(List<Pending> events) {
        List<Pending> collected = collected();
        if (collected != null) {
            collected.addAll(events);
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            List<Pending> slice = events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
            chain = chain.chain(() -> insertAll(slice));
        }
        return chain;
    }

    private Uni<Void> insertAll(List<Pending> slice) {
        StringBuilder sql = new StringBuilder(insertPrefix);
        for (int i = 0; i < slice.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:e").append(i).append(", :t").append(i).append(", :k").append(i)
                    .append(", cast(:p").append(i).append(" as integer), :y").append(i).append(", :source, :s")
                    .append(i).append(", :d").append(i).append(')');
        }
        return Panache.getSession().chain(session -> {
            Mutiny.MutationQuery query = session.createNativeQuery(sql.toString()).setParameter("source", source);
            for (int i = 0; i < slice.size(); i++) {
                Pending pending = slice.get(i);
                EventEnvelope envelope = EventEnvelope.of(pending.eventId(), source, pending.event());
                query.setParameter("e" + i, envelope.id())
                        .setParameter("t" + i, pending.topic())
                        .setParameter("k" + i, pending.key())
                        .setParameter("p" + i, pending.partition())
                        .setParameter("y" + i, envelope.type())
                        .setParameter("s" + i, envelope.subject())
                        .setParameter("d" + i, envelope.data());
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /**
     * Runs {@code work} (inside the caller's transaction) with every event it adds held back, then writes them all
     * with multi-row inserts ({@link #addAll}), in the order they were added, still inside the transaction: a
     * transaction that changes many rows costs a few outbox round trips instead of one per event (and no Hibernate
     * flush before each of them). If {@code work} fails nothing is written and the transaction rolls back as usual.
     */
    public <T> Uni<T> collecting(java.util.function.Supplier<Uni<? extends T>> work) {
        Context context = Vertx.currentContext();
        // only a duplicated context (one per message or request, where Hibernate Reactive runs) is this work's own:
        // events added by other work sharing a root context must never land in this transaction
        if (context == null || !VertxContext.isDuplicatedContext(context) || collected() != null) {
            return Uni.createFrom().deferred(work);
        }
        List<Pending> events = new ArrayList<>();
        context.putLocal(COLLECTED, events);
        return Uni.createFrom().<T>deferred(work)
                .eventually(() -> context.removeLocal(COLLECTED))
                .call(() -> addAll(events));
    }

    @SuppressWarnings("unchecked")
    private static List<Pending> collected() {
        Context context = Vertx.currentContext();
        return context == null || !VertxContext.isDuplicatedContext(context) ? null
                : (List<Pending>) context.getLocal(COLLECTED);
    }

    /** The CloudEvents source of this service's events, e.g. {@code /tessera/monitoring}. */
    public String source() {
        return source;
    }
}
