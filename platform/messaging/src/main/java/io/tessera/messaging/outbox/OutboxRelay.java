package io.tessera.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tessera.contracts.envelope.EventEnvelope;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka at least once, in id order, then deletes them: as soon as a commit
 * notifies ({@link OutboxNotifications}), and every {@code tessera.outbox.poll-interval} in case a notification was
 * missed. Replicas share the table safely: each batch is locked with {@code FOR UPDATE SKIP LOCKED}, so a row is
 * sent by one replica at a time; a crash between send and delete only re-sends, and consumers dedupe on
 * {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final OutboxProducer producer;
    private final OutboxNotifications notifications;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final OutboxConfig config;
    private final Counter published;
    private final String selectBatch;
    private final String deleteBatch;
    private volatile ScheduledExecutorService loop;

    OutboxRelay(Pool pool, OutboxProducer producer, OutboxNotifications notifications, OutboxConfig config,
                MeterRegistry registry) {
        this.pool = pool;
        this.producer = producer;
        this.notifications = notifications;
        this.config = config;
        this.selectBatch = "select id, event_id, topic, record_key, partition_no, event_type, source, subject, payload, created_at"
                + " from " + config.schema() + ".outbox_event order by id limit $1 for update skip locked";
        this.deleteBatch = "delete from " + config.schema() + ".outbox_event where id = any($1)";
        this.published = Counter.builder("tessera_outbox_published_total")
                .description("Events the outbox relay published to Kafka").register(registry);
    }

    void start(@Observes StartupEvent event) {
        loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        loop.scheduleWithFixedDelay(this::drainSafely, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        notifications.listen(this::wakeUp);
    }

    /**
     * Drains the outbox as soon as possible (events were committed); cheap and non-blocking, safe from any thread.
     * Wake-ups arriving during a drain coalesce into one more drain.
     */
    void wakeUp() {
        ScheduledExecutorService executor = loop;
        if (executor != null && woken.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    woken.set(false);
                    drainSafely();
                });
            } catch (RejectedExecutionException e) {
                woken.set(false);
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        notifications.close();
        if (loop != null) {
            loop.shutdown();
            try {
                loop.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void drainSafely() {
        try {
            while (publishBatch() == config.batchSize()) {
                // a full batch: more rows are probably waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay could not publish (will retry): %s", e.getMessage());
        }
    }

    /** Publishes and deletes one batch; returns how many rows it published. */
    int publishBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(selectBatch)
                        .execute(Tuple.of(config.batchSize()))
                        .chain(rows -> sendAndDelete(connection, rows)))
                .await().atMost(Duration.ofSeconds(60));
    }

    private io.smallrye.mutiny.Uni<Integer> sendAndDelete(SqlConnection connection, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return io.smallrye.mutiny.Uni.createFrom().item(0);
        }
        List<Long> ids = new ArrayList<>(rows.size());
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            sends.add(producer.send(toRecord(row)));
        }
        return io.smallrye.mutiny.Uni.createFrom().item(() -> {
                    awaitAll(sends);
                    return ids;
                })
                .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .chain(sent -> connection.preparedQuery(deleteBatch)
                        .execute(Tuple.of(sent.toArray(new Long[0]))))
                .map(deleted -> {
                    published.increment(ids.size());
                    return ids.size();
                });
    }

    private static ProducerRecord<String, String> toRecord(Row row) {
        EventEnvelope envelope = new EventEnvelope(row.getString("event_id"), row.getString("event_type"),
                row.getString("source"), row.getString("subject"),
                row.getOffsetDateTime("created_at").atZoneSameInstant(ZoneOffset.UTC).toInstant(),
                row.getString("payload"));
        Integer partition = row.getInteger("partition_no");
        return partition == null
                ? envelope.toRecord(row.getString("topic"), row.getString("record_key"))
                : new ProducerRecord<>(row.getString("topic"), partition, row.getString("record_key"),
                        envelope.data(), envelope.headers());
    }

    private static void awaitAll(List<Future<RecordMetadata>> sends) {
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            } catch (Exception e) {
                throw new IllegalStateException("publish failed: " + e.getMessage(), e);
            }
        }
    }
}
