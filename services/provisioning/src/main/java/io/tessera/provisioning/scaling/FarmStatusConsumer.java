package io.tessera.provisioning.scaling;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.status.FarmStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code farm.farm-status.v1}; invalid records go to {@code farm.farm-status.v1.dlq} with a reason. */
@ApplicationScoped
public class FarmStatusConsumer {

    /** The incoming channel of farm statuses. */
    public static final String CHANNEL = "farm-status";

    @Inject
    ProvisioningService service;

    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventEnvelope.from(record);
        if (!EventTypes.classOf(envelope.type()).map(FarmStatus.class::equals).orElse(false)) {
            return Uni.createFrom().voidItem();
        }
        return service.onStatus(validated(envelope.event(FarmStatus.class)));
    }

    private static FarmStatus validated(FarmStatus status) {
        if (status.capability() == null) {
            throw new InvalidEventException("capability: is required (cpu or gpu)");
        }
        nonNegative("queuedTasks", status.queuedTasks());
        nonNegative("runningTasks", status.runningTasks());
        nonNegative("workers", status.workers());
        nonNegative("slots", status.slots());
        nonNegative("freeSlots", status.freeSlots());
        return status;
    }

    private static void nonNegative(String field, int value) {
        if (value < 0) {
            throw new InvalidEventException(field + ": must be >= 0, was " + value);
        }
    }
}
