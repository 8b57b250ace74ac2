package io.tessera.assignment.workers;

import io.smallrye.mutiny.Uni;
import io.tessera.assignment.dispatch.DispatchLoop;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.workers.WorkerHeartbeat;
import io.tessera.messaging.retry.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Reads {@code farm.workers.v1}, records every WorkerHeartbeat in the registry and wakes the dispatcher. */
@ApplicationScoped
public class WorkerHeartbeatConsumer {

    /** The incoming channel of {@code farm.workers.v1}. */
    public static final String CHANNEL = "workers";

    private static final Logger LOG = Logger.getLogger(WorkerHeartbeatConsumer.class);
    private static final String HEARTBEAT = EventTypes.typeOf(WorkerHeartbeat.class);

    private final WorkerRegistry registry;
    private final DispatchLoop dispatcher;

    WorkerHeartbeatConsumer(WorkerRegistry registry, DispatchLoop dispatcher) {
        this.registry = registry;
        this.dispatcher = dispatcher;
    }

    /** Applies the record; a transient failure (database down, shutting down) is retried, never dead-lettered. */
    @Incoming(CHANNEL)
    Uni<Void> on(ConsumerRecord<String, String> record) {
        return TransientFailures.retried(Uni.createFrom().deferred(() -> applied(record)),
                TransientFailures.where(record));
    }

    private Uni<Void> applied(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            if (!HEARTBEAT.equals(envelope.type())) {
                return Uni.createFrom().voidItem();
            }
            return registry.record(envelope.event(WorkerHeartbeat.class)).invoke(dispatcher::trigger);
        }).onFailure().invoke(e -> LOG.warnf("Worker %s: record %s-%d@%d not recorded, dead-lettering it: %s",
                record.key(), record.topic(), record.partition(), record.offset(), e.getMessage()));
    }
}
