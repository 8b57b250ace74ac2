package io.tessera.assignment.routing;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskPlanned;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code farm.tasks.planned.v1} and dispatches each TaskPlanned. The record is acknowledged after the
 * TaskDispatched was acked by the broker; a failure nacks it to {@code farm.tasks.planned.v1.dlq} with the reason.
 */
@ApplicationScoped
public class TaskPlannedConsumer {

    /** The incoming channel of {@code farm.tasks.planned.v1}. */
    public static final String CHANNEL = "tasks-planned";

    private static final Logger LOG = Logger.getLogger(TaskPlannedConsumer.class);
    private static final String TASK_PLANNED = EventTypes.typeOf(TaskPlanned.class);

    private final TaskDispatcher dispatcher;

    TaskPlannedConsumer(TaskDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming(CHANNEL)
    Uni<Void> on(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            if (!TASK_PLANNED.equals(envelope.type())) {
                return Uni.createFrom().voidItem();
            }
            return dispatcher.dispatch(envelope.event(TaskPlanned.class));
        }).onFailure().invoke(e -> LOG.warnf("Job %s: record %s-%d@%d not dispatched, dead-lettering it: %s",
                record.key(), record.topic(), record.partition(), record.offset(), e.getMessage()));
    }
}
