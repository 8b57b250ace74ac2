package io.tessera.assignment.component;

import static io.tessera.assignment.component.Fixtures.TIMEOUT;
import static io.tessera.assignment.component.Fixtures.await;
import static io.tessera.assignment.component.Fixtures.beat;
import static io.tessera.assignment.component.Fixtures.dispatched;
import static io.tessera.assignment.component.Fixtures.header;
import static io.tessera.assignment.component.Fixtures.newJob;
import static io.tessera.assignment.component.Fixtures.ready;
import static io.tessera.assignment.component.Fixtures.task;
import static io.tessera.assignment.component.Fixtures.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.coordination.HandOffRequested;
import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.tasks.TaskStarted;
import io.tessera.contracts.workers.Lease;
import io.tessera.contracts.workers.WorkerHeartbeat;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Hybrid mode's feedback loop on real Kafka and PostgreSQL: a worker whose only slot runs a task while two more wait
 * in its local queue, next to a worker that just came up idle, is asked (HandOffRequested on farm.coordination.v1)
 * to hand the idle worker one task.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class HandOffFeedbackComponentTest {

    /** A core count no other test uses: only these workers can take these tasks. */
    private static final int CORES = 7_331;

    @Test
    void anIdleWorkerNextToAQueueOnABusyWorkerTriggersAHandOffRequest() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String busy = "busy-" + suffix;
        String idle = "idle-" + suffix;
        try {
            handOffRequested(busy, idle);
        } finally {
            // leave no live worker behind with enough cores for the other tests' tasks
            beat(worker(busy, Capability.CPU, 1, CORES, 1.0, List.of(2), "STOPPING"));
            beat(worker(idle, Capability.CPU, 1, CORES, 1.0, List.of(5), "STOPPING"));
        }
    }

    private void handOffRequested(String busy, String idle) throws Exception {
        beat(worker(busy, Capability.CPU, 1, CORES, 1.0, List.of(2), "RUNNING"));
        await("busy worker registered", () -> Fixtures.workerRegistered(busy, 1.0));
        // a first completed task tells assignment the worker's tasks take 10 ms: it gets a local queue
        TaskPlanned warmUp = task(newJob(), Capability.CPU, CORES, 50);
        ready(warmUp, 1);
        assertEquals(1, dispatched(Topics.TASKS_CPU, warmUp.taskId(), TIMEOUT).size());
        Fixtures.taskEvent(new TaskCompleted(warmUp.taskId(), warmUp.jobId(), 1, busy, List.of(), 10, Instant.now()),
                "completed");
        await("warm-up finished", () -> Fixtures.dispatchedTo(warmUp.taskId()).isEmpty());

        List<TaskPlanned> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TaskPlanned task = task(newJob(), Capability.CPU, CORES, 50);
            tasks.add(task);
            ready(task, 1);
        }
        for (TaskPlanned task : tasks) {
            assertEquals(1, dispatched(Topics.TASKS_CPU, task.taskId(), TIMEOUT).size(), task.taskId());
            assertEquals(List.of(busy), Fixtures.dispatchedTo(task.taskId()), "queued locally on the busy worker");
        }
        TaskPlanned first = tasks.get(0);
        Fixtures.taskEvent(new TaskStarted(first.taskId(), first.jobId(), 1, busy, Instant.now()), "started");
        beat(new WorkerHeartbeat(busy, Capability.CPU, 1, 0, CORES, 16_000, List.of(), "none",
                List.of(new Lease(first.taskId(), first.jobId(), 1)), "host", 1, "RUNNING", Instant.now(), 1.0,
                List.of(2)));
        await("first task started", () -> !Fixtures.rows(
                "select 1 from assignment.dispatched_task where task_id = ? and started", first.taskId()).isEmpty());

        beat(worker(idle, Capability.CPU, 1, CORES, 1.0, List.of(5), "RUNNING"));

        List<ConsumerRecord<String, String>> requests = KafkaTestClient.read(Topics.COORDINATION,
                r -> busy.equals(r.key()), 1, TIMEOUT);
        assertEquals(1, requests.size(), "a hand-off request for the busy worker");
        ConsumerRecord<String, String> record = requests.get(0);
        assertEquals("io.tessera.HandOffRequested", header(record, CloudEventHeaders.TYPE));
        HandOffRequested request = Json.read(record.value(), HandOffRequested.class);
        assertEquals(busy, request.fromWorkerId());
        assertEquals(idle, request.toWorkerId());
        assertEquals(Capability.CPU, request.capability());
        assertEquals(1, request.tasks(), "the idle worker has one slot");
    }
}
