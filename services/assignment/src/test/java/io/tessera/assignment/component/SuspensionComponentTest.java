package io.tessera.assignment.component;

import static io.tessera.assignment.component.Fixtures.SETTLE;
import static io.tessera.assignment.component.Fixtures.TIMEOUT;
import static io.tessera.assignment.component.Fixtures.await;
import static io.tessera.assignment.component.Fixtures.beat;
import static io.tessera.assignment.component.Fixtures.dispatched;
import static io.tessera.assignment.component.Fixtures.newJob;
import static io.tessera.assignment.component.Fixtures.pending;
import static io.tessera.assignment.component.Fixtures.range;
import static io.tessera.assignment.component.Fixtures.ready;
import static io.tessera.assignment.component.Fixtures.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobResumed;
import io.tessera.contracts.jobs.JobSuspended;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A suspended job's queued tasks are not dispatched (a lower-priority job's task is, to the same free worker), and
 * resuming the job dispatches them; commands are applied in their per-job order only; a bad one is dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class SuspensionComponentTest {

    /** Only this test's worker has this many cores, so no other test's worker takes these tasks. */
    private static final int CORES = 768;
    private static final Requirements NEEDS = new Requirements(Capability.CPU, CORES, null);

    private static TaskPlanned task(String jobId, int index, int priority) {
        return new TaskPlanned(String.format("%s-t%05d", jobId, index), jobId, index, 2, index + 1, index + 1, NEEDS,
                priority, "{}", "/out/" + jobId);
    }

    private static void suspend(String jobId, long sequence, String ceId) {
        Fixtures.produce(ceId, "/tessera/submission", new JobSuspended(jobId, sequence, "suspended by user",
                Instant.now()), Topics.JOBS, jobId);
    }

    private static List<List<String>> suspension(String jobId) {
        return Fixtures.rows("select sequence, suspended from assignment.suspended_job where job_id = ?", jobId);
    }

    @Test
    void aSuspendedJobsQueuedTasksWaitAndResumeDispatchesThem() throws Exception {
        String workerId = "suspension-" + UUID.randomUUID().toString().substring(0, 8);
        String held = newJob();
        String other = newJob();
        TaskPlanned first = task(held, 0, 90);
        TaskPlanned second = task(held, 1, 90);
        TaskPlanned lowPriority = task(other, 0, 10);

        suspend(held, 1, "job:" + held + ":suspended:1");
        await("job suspended", () -> List.of(List.of("1", "t")).equals(suspension(held)));
        ready(first, 1);
        ready(second, 1);
        await("both tasks queued", () -> pending(first.taskId()).size() + pending(second.taskId()).size() == 2);

        beat(worker(workerId, Capability.CPU, 4, CORES, 2.0, range(0, 11), "RUNNING"));
        await("worker registered", () -> Fixtures.workerRegistered(workerId, 2.0));
        ready(lowPriority, 1);
        ConsumerRecord<String, String> dispatchedOther = dispatched(Topics.TASKS_CPU, lowPriority.taskId(), TIMEOUT)
                .get(0);
        assertEquals(workerId, Json.read(dispatchedOther.value(), TaskDispatched.class).assignedWorker(),
                "the worker had free slots (4) and took the lower-priority task");
        assertTrue(dispatched(Topics.TASKS_CPU, first.taskId(), SETTLE).isEmpty(), "held while suspended");
        assertTrue(dispatched(Topics.TASKS_CPU, second.taskId(), SETTLE).isEmpty(), "held while suspended");
        assertEquals(List.of("1"), pending(first.taskId()), "still queued, not dropped");
        assertEquals(List.of("1"), pending(second.taskId()));

        Fixtures.produce("job:" + held + ":resumed:2", "/tessera/submission",
                new JobResumed(held, 2, Instant.now()), Topics.JOBS, held);
        for (TaskPlanned task : List.of(first, second)) {
            ConsumerRecord<String, String> record = dispatched(Topics.TASKS_CPU, task.taskId(), TIMEOUT).get(0);
            TaskDispatched dispatch = Json.read(record.value(), TaskDispatched.class);
            assertEquals(workerId, dispatch.assignedWorker());
            assertEquals(1, dispatch.attempt());
        }
        await("queue emptied", () -> pending(first.taskId()).isEmpty() && pending(second.taskId()).isEmpty());

        // a replay of the first suspend is older than the resume: the job stays resumed (the resume 3 behind it on
        // the job's partition shows when both were applied)
        suspend(held, 1, "job:" + held + ":suspended:1:replayed");
        Fixtures.produce("job:" + held + ":resumed:3", "/tessera/submission",
                new JobResumed(held, 3, Instant.now()), Topics.JOBS, held);
        await("both commands applied", () -> List.of(List.of("3", "f")).equals(suspension(held)));
        TaskPlanned third = new TaskPlanned(held + "-t00002", held, 2, 3, 3, 3, NEEDS, 90, "{}", "/out/" + held);
        ready(third, 1);
        assertEquals(workerId, Json.read(dispatched(Topics.TASKS_CPU, third.taskId(), TIMEOUT).get(0).value(),
                TaskDispatched.class).assignedWorker(), "the fourth slot");

        beat(worker(workerId, Capability.CPU, 4, CORES, 2.0, range(0, 11), "STOPPING"));
    }

    @Test
    void aCommandWithoutAValidSequenceIsDeadLetteredWithTheReason() {
        String jobId = newJob();
        suspend(jobId, 0, "job:" + jobId + ":suspended:0");
        ConsumerRecord<String, String> dead = KafkaTestClient.await(Topics.dlq(Topics.JOBS),
                r -> ("job:" + jobId + ":suspended:0").equals(KafkaTestClient.header(r, CloudEventHeaders.ID)),
                TIMEOUT);
        String reason = KafkaTestClient.header(dead, CloudEventHeaders.DEAD_LETTER_REASON);
        assertTrue(reason != null && reason.contains("sequence: must be at least 1, was 0"), reason);
        assertTrue(suspension(jobId).isEmpty());
    }
}
