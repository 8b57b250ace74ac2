package io.tessera.submission.blocklist;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobBlocklistCleared;
import io.tessera.contracts.jobs.JobWorkerBlocklisted;
import io.tessera.messaging.retry.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code farm.jobs.v1} for the worker blocklist: JobWorkerBlocklisted (monitoring) and JobBlocklistCleared;
 * the other job events are submission's own and only checked. A record that cannot be applied, or whose event does not
 * match its schema, goes to {@code farm.jobs.v1.dlq}.
 */
@ApplicationScoped
public class BlocklistEventsConsumer {

    /** The incoming channel of {@code farm.jobs.v1}. */
    public static final String CHANNEL = "jobs";

    private static final String BLOCKLISTED = EventTypes.typeOf(JobWorkerBlocklisted.class);
    private static final String CLEARED = EventTypes.typeOf(JobBlocklistCleared.class);

    private final Blocklists blocklists;

    BlocklistEventsConsumer(Blocklists blocklists) {
        this.blocklists = blocklists;
    }

    /** Applies the record; a transient failure (database down, shutting down) is retried, never dead-lettered. */
    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return TransientFailures.retried(Uni.createFrom().deferred(() -> applied(record)),
                TransientFailures.where(record));
    }

    private Uni<Void> applied(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            if (BLOCKLISTED.equals(envelope.type())) {
                return blocklists.blocklisted(envelope, envelope.event(JobWorkerBlocklisted.class));
            }
            if (CLEARED.equals(envelope.type())) {
                return blocklists.cleared(envelope, envelope.event(JobBlocklistCleared.class));
            }
            // the other job events change nothing here, but a malformed one is still dead-lettered with its reason,
            // as every other consumer of the topic does
            EventTypes.classOf(envelope.type()).map(envelope::event).ifPresent(event -> {
                if (event.subject() == null || event.subject().isBlank()) {
                    throw new InvalidEventException("jobId: is required");
                }
            });
            return Uni.createFrom().voidItem();
        });
    }
}
