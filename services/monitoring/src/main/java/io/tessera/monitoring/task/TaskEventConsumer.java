package io.tessera.monitoring.task;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.tasks.TaskEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code farm.task-events.v1}: TaskStarted, TaskProgress, TaskCompleted, TaskFailed. */
@ApplicationScoped
public class TaskEventConsumer {

    /** The incoming channel of {@code farm.task-events.v1}. */
    public static final String CHANNEL = "task-events";

    private final TaskEventService service;

    TaskEventConsumer(TaskEventService service) {
        this.service = service;
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            TesseraEvent event = envelope.event();
            return event instanceof TaskEvent taskEvent
                    ? service.apply(envelope, taskEvent)
                    : Uni.createFrom().voidItem();
        });
    }
}
