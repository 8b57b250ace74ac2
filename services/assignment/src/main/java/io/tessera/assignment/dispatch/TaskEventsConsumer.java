package io.tessera.assignment.dispatch;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskEvent;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskStarted;
import io.tessera.messaging.batch.DeadLetters;
import io.tessera.messaging.batch.RecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code farm.task-events.v1} a poll at a time: TaskStarted marks a dispatched attempt started, TaskCompleted
 * and TaskFailed free its slot ({@link DispatchedTasks#applyAll}, one transaction per poll); then the dispatcher is
 * woken. TaskProgress and other events are ignored. A record that cannot be applied goes to
 * {@code farm.task-events.v1.dlq} with the reason.
 */
@ApplicationScoped
public class TaskEventsConsumer {

    /** The incoming channel of {@code farm.task-events.v1}. */
    public static final String CHANNEL = "task-events";

    private final RecordBatch<TaskEvent> batch;

    TaskEventsConsumer(DispatchedTasks dispatched, DispatchLoop dispatcher, DeadLetters deadLetters) {
        this.batch = new RecordBatch<>(record -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            if (EventTypes.classOf(envelope.type()).isEmpty()) {
                return null; // another service's event on the topic: not ours to judge
            }
            TesseraEvent event = envelope.event();
            return event instanceof TaskStarted || event instanceof TaskCompleted || event instanceof TaskFailed
                    ? (TaskEvent) event : null;
        }, items -> {
            List<TaskStarted> started = new ArrayList<>();
            List<TaskEvent> finished = new ArrayList<>();
            for (RecordBatch.Item<TaskEvent> item : items) {
                if (item.value() instanceof TaskStarted s) {
                    started.add(s);
                } else {
                    finished.add(item.value());
                }
            }
            return dispatched.applyAll(started, finished).invoke(dispatcher::trigger).replaceWithVoid();
        }, deadLetters);
    }

    @Incoming(CHANNEL)
    Uni<Void> on(ConsumerRecords<String, String> records) {
        return batch.handle(records);
    }
}
