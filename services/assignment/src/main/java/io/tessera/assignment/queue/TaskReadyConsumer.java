package io.tessera.assignment.queue;

import io.smallrye.mutiny.Uni;
import io.tessera.assignment.dispatch.DispatchLoop;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.tasks.TaskReady;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code farm.tasks.ready.v1} and queues each TaskReady, then wakes the dispatcher. A failure nacks the record
 * to {@code farm.tasks.ready.v1.dlq} with the reason.
 */
@ApplicationScoped
public class TaskReadyConsumer {

    /** The incoming channel of {@code farm.tasks.ready.v1}. */
    public static final String CHANNEL = "tasks-ready";

    private static final Logger LOG = Logger.getLogger(TaskReadyConsumer.class);
    private static final String TASK_READY = EventTypes.typeOf(TaskReady.class);

    private final ReadyQueue queue;
    private final DispatchLoop dispatcher;

    TaskReadyConsumer(ReadyQueue queue, DispatchLoop dispatcher) {
        this.queue = queue;
        this.dispatcher = dispatcher;
    }

    @Incoming(CHANNEL)
    Uni<Void> on(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            if (!TASK_READY.equals(envelope.type())) {
                return Uni.createFrom().voidItem();
            }
            return queue.enqueue(envelope.event(TaskReady.class)).invoke(dispatcher::trigger).replaceWithVoid();
        }).onFailure().invoke(e -> LOG.warnf("Job %s: record %s-%d@%d (%s) not queued, dead-lettering it: %s",
                record.key(), record.topic(), record.partition(), record.offset(),
                EventEnvelope.header(record.headers(), "ce_id"), e.getMessage()));
    }
}
