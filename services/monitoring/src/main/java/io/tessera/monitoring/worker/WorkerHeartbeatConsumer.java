package io.tessera.monitoring.worker;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.workers.WorkerHeartbeat;
import io.tessera.messaging.retry.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code farm.workers.v1}: WorkerHeartbeat. */
@ApplicationScoped
public class WorkerHeartbeatConsumer {

    /** The incoming channel of {@code farm.workers.v1}. */
    public static final String CHANNEL = "workers";

    private final WorkerService service;

    WorkerHeartbeatConsumer(WorkerService service) {
        this.service = service;
    }

    /** Applies the record; a transient failure (database down, shutting down) is retried, never dead-lettered. */
    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return TransientFailures.retried(Uni.createFrom().deferred(() -> applied(record)),
                TransientFailures.where(record));
    }

    private Uni<Void> applied(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            TesseraEvent event = EventEnvelope.from(record).event();
            return event instanceof WorkerHeartbeat beat ? service.heartbeat(beat) : Uni.createFrom().voidItem();
        });
    }
}
