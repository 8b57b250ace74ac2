package io.tessera.monitoring.task;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.messaging.batch.DeadLetters;
import io.tessera.messaging.batch.RecordBatch;
import io.tessera.monitoring.task.TaskPlanService.Planned;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code farm.tasks.planned.v1} a poll at a time: the TaskPlanned of a poll are recorded in one transaction
 * ({@link TaskPlanService#plannedAll}), so a 1,000-task job is recorded in a few round trips and a job submitted
 * behind it is not kept waiting. Invalid records go to {@code farm.tasks.planned.v1.dlq} with the reason.
 */
@ApplicationScoped
public class TaskPlannedConsumer {

    /** The incoming channel of {@code farm.tasks.planned.v1}. */
    public static final String CHANNEL = "tasks-planned";

    private final RecordBatch<Planned> batch;

    TaskPlannedConsumer(TaskPlanService service, DeadLetters deadLetters) {
        this.batch = new RecordBatch<>(record -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            TesseraEvent event = envelope.event();
            if (!(event instanceof TaskPlanned plan)) {
                return null;
            }
            TaskPlanService.validate(plan);
            return new Planned(envelope, plan);
        }, items -> service.plannedAll(items.stream().map(RecordBatch.Item::value).toList()), deadLetters);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return batch.handle(records);
    }
}
