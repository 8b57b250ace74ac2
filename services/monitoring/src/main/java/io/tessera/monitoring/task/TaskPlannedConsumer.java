package io.tessera.monitoring.task;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.tasks.TaskPlanned;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code farm.tasks.planned.v1}: TaskPlanned. */
@ApplicationScoped
public class TaskPlannedConsumer {

    /** The incoming channel of {@code farm.tasks.planned.v1}. */
    public static final String CHANNEL = "tasks-planned";

    private final TaskPlanService service;

    TaskPlannedConsumer(TaskPlanService service) {
        this.service = service;
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            TesseraEvent event = envelope.event();
            return event instanceof TaskPlanned plan ? service.planned(envelope, plan) : Uni.createFrom().voidItem();
        });
    }
}
