package io.tessera.assignment.queue;

import io.smallrye.mutiny.Uni;
import io.tessera.assignment.dispatch.DispatchLoop;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.tasks.TaskReady;
import io.tessera.contracts.tasks.TasksWithdrawn;
import io.tessera.messaging.batch.DeadLetters;
import io.tessera.messaging.batch.RecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code farm.tasks.ready.v1} a poll at a time: its TaskReady events are queued in one transaction per run of
 * consecutive TaskReady ({@link ReadyQueue#enqueueAll}), a TasksWithdrawn drops its job's queued tasks
 * ({@link Withdrawals}) exactly where it stands in the poll, then the dispatcher wakes. A 1,000-task backlog is
 * queued in a few round trips, so an urgent job's tasks reach the queue, where priority decides, without waiting
 * behind it. A record that cannot be applied goes to {@code farm.tasks.ready.v1.dlq} with the reason.
 */
@ApplicationScoped
public class TaskReadyConsumer {

    /** The incoming channel of {@code farm.tasks.ready.v1}. */
    public static final String CHANNEL = "tasks-ready";

    private static final String TASK_READY = EventTypes.typeOf(TaskReady.class);
    private static final String WITHDRAWN = EventTypes.typeOf(TasksWithdrawn.class);

    /** A parsed record: a TaskReady, or a TasksWithdrawn with its ce_id. */
    private record Ready(TaskReady ready, String withdrawalId, TasksWithdrawn withdrawn) {
    }

    private final RecordBatch<Ready> batch;
    private final ReadyQueue queue;
    private final Withdrawals withdrawals;

    TaskReadyConsumer(ReadyQueue queue, Withdrawals withdrawals, DispatchLoop dispatcher, DeadLetters deadLetters) {
        this.queue = queue;
        this.withdrawals = withdrawals;
        this.batch = new RecordBatch<>(record -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            if (TASK_READY.equals(envelope.type())) {
                TaskReady ready = envelope.event(TaskReady.class);
                ReadyQueue.validate(ready);
                return new Ready(ready, null, null);
            }
            if (WITHDRAWN.equals(envelope.type())) {
                TasksWithdrawn withdrawn = envelope.event(TasksWithdrawn.class);
                Withdrawals.validate(withdrawn);
                return new Ready(null, envelope.id(), withdrawn);
            }
            return null;
        }, items -> apply(items.stream().map(RecordBatch.Item::value).toList()).invoke(dispatcher::trigger),
                deadLetters);
    }

    @Incoming(CHANNEL)
    Uni<Void> on(ConsumerRecords<String, String> records) {
        return batch.handle(records);
    }

    /** Applies the poll in order: each run of TaskReady together, each TasksWithdrawn on its own. */
    private Uni<Void> apply(List<Ready> items) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<TaskReady> run = new ArrayList<>();
        for (Ready item : items) {
            if (item.ready() != null) {
                run.add(item.ready());
                continue;
            }
            List<TaskReady> queued = run;
            chain = chain.chain(() -> enqueue(queued));
            run = new ArrayList<>();
            chain = chain.chain(() -> withdrawals.withdraw(item.withdrawalId(), item.withdrawn()).replaceWithVoid());
        }
        List<TaskReady> last = run;
        return chain.chain(() -> enqueue(last));
    }

    private Uni<Void> enqueue(List<TaskReady> run) {
        return run.isEmpty() ? Uni.createFrom().voidItem() : queue.enqueueAll(run).replaceWithVoid();
    }
}
