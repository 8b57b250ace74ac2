package io.tessera.worker.coordination;

import io.tessera.contracts.coordination.HandOffRequested;
import io.tessera.contracts.coordination.LeaseRevoked;
import io.tessera.contracts.coordination.PeerStatus;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.worker.cancel.RevokedLeases;
import io.tessera.worker.config.WorkerConfig;
import io.tessera.worker.tasks.RunningTask;
import io.tessera.worker.tasks.RunningTasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the coordination topic (its own consumer group per worker, from the latest offset: only fresh load
 * matters): peers' PeerStatus go into the {@link PeerDirectory}; a HandOffRequested addressed to this worker makes
 * its target a hand-off target; a LeaseRevoked addressed to this worker stops that attempt's render (it reports
 * TaskFailed "lease revoked: ...", which monitoring ignores as stale) or keeps it from starting. Invalid records are
 * dead-lettered; other event types are ignored.
 */
@ApplicationScoped
public class CoordinationConsumer {

    private static final Logger LOG = Logger.getLogger(CoordinationConsumer.class);
    private static final String STATUS = EventTypes.typeOf(PeerStatus.class);
    private static final String HAND_OFF = EventTypes.typeOf(HandOffRequested.class);
    private static final String REVOKED = EventTypes.typeOf(LeaseRevoked.class);

    @Inject
    PeerCoordination coordination;

    @Inject
    WorkerConfig config;

    @Inject
    RevokedLeases revoked;

    @Inject
    RunningTasks running;

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
        } else if (REVOKED.equals(envelope.type())) {
            revoke(envelope.event(LeaseRevoked.class));
        }
    }

    private void revoke(LeaseRevoked revocation) {
        if (revocation.taskId() == null || revocation.taskId().isBlank()) {
            throw new InvalidEventException("taskId: is required");
        }
        if (revocation.attempt() < 1) {
            throw new InvalidEventException("attempt: must be at least 1");
        }
        if (!config.id().equals(revocation.workerId())) {
            return;
        }
        String reason = "lease revoked: " + (revocation.reason() == null ? "by monitoring" : revocation.reason());
        revoked.add(revocation.taskId(), revocation.attempt(), reason);
        RunningTask task = running.find(revocation.taskId(), revocation.attempt());
        if (task != null && !task.stopped()) {
            LOG.warnf("Stopping taskId=%s attempt=%d jobId=%s: %s", task.taskId(), task.attempt(), task.jobId(),
                    reason);
            task.stop(reason, true);
        }
    }
}
