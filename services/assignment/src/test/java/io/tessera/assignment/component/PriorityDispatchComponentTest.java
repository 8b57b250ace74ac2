package io.tessera.assignment.component;

import static io.restassured.RestAssured.given;
import static io.tessera.assignment.component.Fixtures.SETTLE;
import static io.tessera.assignment.component.Fixtures.TIMEOUT;
import static io.tessera.assignment.component.Fixtures.await;
import static io.tessera.assignment.component.Fixtures.beat;
import static io.tessera.assignment.component.Fixtures.dispatched;
import static io.tessera.assignment.component.Fixtures.dispatchedTo;
import static io.tessera.assignment.component.Fixtures.header;
import static io.tessera.assignment.component.Fixtures.pending;
import static io.tessera.assignment.component.Fixtures.range;
import static io.tessera.assignment.component.Fixtures.ready;
import static io.tessera.assignment.component.Fixtures.worker;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.tasks.TaskStarted;
import io.tessera.farm.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The queue and the placer end to end: two CPU workers with one slot each (scores 1 and 3), three ready tasks of
 * different priorities. The test holds the CPU dispatch lock (as another replica would) while the workers and tasks
 * arrive, so that one round sees all of them.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class PriorityDispatchComponentTest {

    /** Only these two workers have this many cores, so no other test's worker takes these tasks. */
    private static final int CORES = 512;

    @Test
    void highPriorityFirstToTheMostCapableWorkerAndFullWorkersGetNothingUntilASlotFrees() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String slow = "slow-" + suffix;
        String fast = "fast-" + suffix;
        TaskPlanned low = Fixtures.task(Fixtures.newJob(), Capability.CPU, CORES, 10);
        TaskPlanned high = Fixtures.task(Fixtures.newJob(), Capability.CPU, CORES, 90);
        TaskPlanned mid = Fixtures.task(Fixtures.newJob(), Capability.CPU, CORES, 50);

        try (Connection otherReplica = Fixtures.connect()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement(
                    "select capability from assignment.dispatch_lock where capability = 'cpu' for update");
                 ResultSet locked = lock.executeQuery()) {
                assertTrue(locked.next());
            }
            beat(worker(slow, Capability.CPU, 1, CORES, 1.0, range(0, 5), "RUNNING"));
            beat(worker(fast, Capability.CPU, 1, CORES, 3.0, range(6, 11), "RUNNING"));
            ready(low, 1);
            ready(high, 1);
            ready(mid, 1);
            await("both workers registered", () -> Fixtures.workerRegistered(slow, 1.0)
                    && Fixtures.workerRegistered(fast, 3.0));
            await("three tasks queued", () -> pending(low.taskId()).size() + pending(high.taskId()).size()
                    + pending(mid.taskId()).size() == 3);
            Thread.sleep(500);
            assertTrue(dispatched(Topics.TASKS_CPU, high.taskId(), Duration.ZERO).isEmpty(),
                    "no dispatch while another replica holds the cpu lock");
            otherReplica.rollback();
        }

        ConsumerRecord<String, String> first = dispatched(Topics.TASKS_CPU, high.taskId(), TIMEOUT).get(0);
        TaskDispatched highDispatch = Json.read(first.value(), TaskDispatched.class);
        assertEquals(fast, highDispatch.assignedWorker(), "the top task goes to the most capable worker");
        assertTrue(range(6, 11).contains(first.partition()), "on a partition the fast worker consumes: "
                + first.partition());
        assertEquals(high.taskId(), first.key());
        assertEquals("task:" + high.taskId() + ":1:dispatched", header(first, CloudEventHeaders.ID));
        assertEquals("/tessera/assignment", header(first, CloudEventHeaders.SOURCE));
        assertEquals(high, highDispatch.task());
        assertEquals(1, highDispatch.attempt());

        ConsumerRecord<String, String> second = dispatched(Topics.TASKS_CPU, mid.taskId(), TIMEOUT).get(0);
        assertEquals(slow, Json.read(second.value(), TaskDispatched.class).assignedWorker());
        assertTrue(range(0, 5).contains(second.partition()), "slow worker's partition: " + second.partition());

        assertTrue(dispatched(Topics.TASKS_CPU, low.taskId(), SETTLE).isEmpty(), "both workers are full");
        assertEquals(List.of("1"), pending(low.taskId()), "the low-priority task waits in the queue");
        assertEquals(List.of(fast), dispatchedTo(high.taskId()));
        assertEquals(List.of(slow), dispatchedTo(mid.taskId()));

        Fixtures.taskEvent(new TaskStarted(high.taskId(), high.jobId(), 1, fast, Instant.now()), "started");
        assertTrue(dispatched(Topics.TASKS_CPU, low.taskId(), SETTLE).isEmpty(), "a started task keeps its slot");
        Fixtures.taskEvent(new TaskCompleted(high.taskId(), high.jobId(), 1, fast, List.of(), 10, Instant.now()),
                "completed");

        ConsumerRecord<String, String> third = dispatched(Topics.TASKS_CPU, low.taskId(), TIMEOUT).get(0);
        assertEquals(fast, Json.read(third.value(), TaskDispatched.class).assignedWorker(), "the freed slot");
        assertTrue(range(6, 11).contains(third.partition()));
        await("queue emptied", () -> pending(low.taskId()).isEmpty());
        await("completed attempt freed", () -> dispatchedTo(high.taskId()).isEmpty());

        await("dispatch meters", () -> {
            String metrics = given().get("/q/metrics").then().extract().asString();
            return metrics.contains("tessera_tasks_dispatched_total{capability=\"cpu\"}")
                    && metrics.contains("tessera_dispatch_wait_seconds_count")
                    && metrics.contains("tessera_queue_depth{capability=\"cpu\"}");
        });
        given().get("/q/metrics").then().body(containsString("tessera_queue_depth{capability=\"gpu\"}"));

        beat(worker(slow, Capability.CPU, 1, CORES, 1.0, range(0, 5), "STOPPING"));
        beat(worker(fast, Capability.CPU, 1, CORES, 3.0, range(6, 11), "STOPPING"));
    }
}
