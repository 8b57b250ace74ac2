package io.tessera.worker.coordination;

import io.tessera.contracts.coordination.HandOffRequested;
import io.tessera.contracts.coordination.PeerStatus;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the coordination topic (its own consumer group per worker, from the latest offset: only fresh load
 * matters): peers' PeerStatus go into the {@link PeerDirectory}; a HandOffRequested addressed to this worker makes
 * its target a hand-off target. Invalid records are dead-lettered; other event types are ignored.
 */
@ApplicationScoped
public class CoordinationConsumer {

    private static final Logger LOG = Logger.getLogger(CoordinationConsumer.class);
    private static final String STATUS = EventTypes.typeOf(PeerStatus.class);
    private static final String HAND_OFF = EventTypes.typeOf(HandOffRequested.class);

    @Inject
    PeerCoordination coordination;

    @Inject
    WorkerConfig config;

    /** Applies one record; throws InvalidEventException (dead letter) for a record that is not a valid event. */
    @Incoming("coordination")
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventEnvelope.from(record);
        if (STATUS.equals(envelope.type())) {
            PeerStatus status = envelope.event(PeerStatus.class);
            if (status.workerId() == null || status.workerId().isBlank()) {
                throw new InvalidEventException("workerId: is required");
            }
            if (status.capability() == null) {
                throw new InvalidEventException("capability: is required");
            }
            coordination.peers().update(status);
        } else if (HAND_OFF.equals(envelope.type())) {
            HandOffRequested request = envelope.event(HandOffRequested.class);
            if (config.id().equals(request.fromWorkerId()) && request.toWorkerId() != null) {
                LOG.infof("Assignment asks worker %s to hand up to %d waiting task(s) to %s", config.id(),
                        request.tasks(), request.toWorkerId());
                coordination.peers().requested(request.toWorkerId(), request.tasks());
            }
        }
    }
}
