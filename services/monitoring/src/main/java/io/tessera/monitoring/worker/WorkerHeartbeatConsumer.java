package io.tessera.monitoring.worker;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.workers.WorkerHeartbeat;
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

    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            TesseraEvent event = EventEnvelope.from(record).event();
            return event instanceof WorkerHeartbeat beat ? service.heartbeat(beat) : Uni.createFrom().voidItem();
        });
    }
}
