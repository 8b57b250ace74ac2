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
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobBlocklistCleared;
import io.tessera.contracts.jobs.JobWorkerBlocklisted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.farm.testing.RealInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A worker blocklisted for a job (JobWorkerBlocklisted on farm.jobs.v1) gets none of that job's tasks, even as the
 * only free worker: the job's task waits while another job's task takes the slot, and a JobBlocklistCleared lets
 * it through; a redelivered blocklisting is not applied twice.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class BlocklistComponentTest {

    /** Only this test's worker has this many cores, so no other test's worker takes these tasks. */
    private static final int CORES = 640;
    private static final Requirements NEEDS = new Requirements(Capability.CPU, CORES, null);

    private static TaskPlanned task(String jobId, int priority) {
        return new TaskPlanned(jobId + "-t00000", jobId, 0, 1, 1, 1, NEEDS, priority, "{}", "/out/" + jobId);
    }

    private static void blocklisted(String ceId, String jobId, String workerId) {
        Fixtures.produce(ceId, "/tessera/monitoring", new JobWorkerBlocklisted(jobId, workerId, 3, "exit code 3",
                Instant.now()), Topics.JOBS, jobId);
    }

    private static List<String> blocklist(String jobId) {
        return Fixtures.rows("select worker_id from assignment.blocklisted_worker where job_id = ? order by worker_id",
                jobId).stream().map(row -> row.get(0)).toList();
    }

    @Test
    void aBlocklistedWorkerGetsNoneOfTheJobsTasksUntilCleared() throws Exception {
        String workerId = "blocklist-" + UUID.randomUUID().toString().substring(0, 8);
        String failing = newJob();
        String other = newJob();
        String firstBlocklisting = "job:" + failing + ":worker-blocklisted:" + workerId + ":1";
        blocklisted(firstBlocklisting, failing, workerId);
        await("worker blocklisted", () -> blocklist(failing).equals(List.of(workerId)));

        beat(worker(workerId, Capability.CPU, 2, CORES, 2.0, range(0, 11), "RUNNING"));
        await("worker registered", () -> Fixtures.workerRegistered(workerId, 2.0));
        TaskPlanned urgent = task(failing, 90);
        TaskPlanned lowPriority = task(other, 10);
        ready(urgent, 1);
        ready(lowPriority, 1);

        assertEquals(workerId, Json.read(dispatched(Topics.TASKS_CPU, lowPriority.taskId(), TIMEOUT).get(0).value(),
                TaskDispatched.class).assignedWorker(), "another job's task takes the worker");
        assertTrue(dispatched(Topics.TASKS_CPU, urgent.taskId(), SETTLE).isEmpty(),
                "the blocklisted job's task waits although the worker has a free slot");
        assertEquals(List.of("1"), pending(urgent.taskId()), "still queued, not dropped");

        Fixtures.produce("job:" + failing + ":blocklist-cleared:1", "/tessera/submission",
                new JobBlocklistCleared(failing, workerId, 1, Instant.now()), Topics.JOBS, failing);
        TaskDispatched dispatch = Json.read(dispatched(Topics.TASKS_CPU, urgent.taskId(), TIMEOUT).get(0).value(),
                TaskDispatched.class);
        assertEquals(workerId, dispatch.assignedWorker(), "cleared: the worker gets the job's task");
        assertEquals(List.of(), blocklist(failing));

        // the first blocklisting read again is not applied again; a later one (same partition) is
        blocklisted(firstBlocklisting, failing, workerId);
        blocklisted("job:" + failing + ":worker-blocklisted:other-worker:1", failing, "other-worker");
        await("later blocklisting applied", () -> blocklist(failing).contains("other-worker"));
        assertEquals(List.of("other-worker"), blocklist(failing));

        beat(worker(workerId, Capability.CPU, 2, CORES, 2.0, range(0, 11), "STOPPING"));
    }
}
