package io.tessera.assignment.dispatch;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskStarted;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code farm.task-events.v1}: TaskStarted marks a dispatched attempt started, TaskCompleted and TaskFailed
 * free its slot; then the dispatcher is woken. TaskProgress and other events are ignored. A failure nacks the record
 * to {@code farm.task-events.v1.dlq} with the reason.
 */
@ApplicationScoped
public class TaskEventsConsumer {

    /** The incoming channel of {@code farm.task-events.v1}. */
    public static final String CHANNEL = "task-events";

    private static final Logger LOG = Logger.getLogger(TaskEventsConsumer.class);

    private final DispatchedTasks dispatched;
    private final DispatchLoop dispatcher;

    TaskEventsConsumer(DispatchedTasks dispatched, DispatchLoop dispatcher) {
        this.dispatched = dispatched;
        this.dispatcher = dispatcher;
    }

    @Incoming(CHANNEL)
    Uni<Void> on(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            var type = EventTypes.classOf(envelope.type());
            if (type.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Integer> applied;
            if (type.get() == TaskStarted.class) {
                applied = dispatched.started(envelope.event(TaskStarted.class));
            } else if (type.get() == TaskCompleted.class) {
                applied = dispatched.finished(envelope.event(TaskCompleted.class));
            } else if (type.get() == TaskFailed.class) {
                applied = dispatched.finished(envelope.event(TaskFailed.class));
            } else {
                return Uni.createFrom().voidItem();
            }
            return applied.invoke(dispatcher::trigger).replaceWithVoid();
        }).onFailure().invoke(e -> LOG.warnf("Job %s: record %s-%d@%d (%s) not applied, dead-lettering it: %s",
                record.key(), record.topic(), record.partition(), record.offset(),
                EventEnvelope.header(record.headers(), "ce_id"), e.getMessage()));
    }
}
