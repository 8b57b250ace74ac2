package io.tessera.monitoring.component;

import static io.tessera.monitoring.component.MonitoringDb.eventually;
import static io.tessera.monitoring.component.MonitoringServiceTest.WAIT;
import static io.tessera.monitoring.component.MonitoringServiceTest.awaitJobProgress;
import static io.tessera.monitoring.component.MonitoringServiceTest.awaitReady;
import static io.tessera.monitoring.component.MonitoringServiceTest.awaitTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.JobState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.PartProgress;
import io.tessera.contracts.tasks.TaskReady;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.monitoring.component.MonitoringDb.TaskRow;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The task DAG and job dependencies on a real Kafka broker and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class DagComponentTest {

    private static boolean announced(DagJob job, int index) {
        String id = "task:" + job.taskId(index) + ":1:ready";
        return KafkaTestClient.readAll(Topics.TASKS_READY).stream()
                .anyMatch(r -> id.equals(KafkaTestClient.header(r, CloudEventHeaders.ID)));
    }

    private static TaskRow awaitState(String taskId, String state) {
        return eventually(WAIT, () -> MonitoringDb.task(taskId), t -> t != null && t.state().equals(state));
    }

    private static String awaitJobState(String jobId, String state) {
        return eventually(WAIT, () -> MonitoringDb.job(jobId), j -> j != null && j.state().equals(state)).reason();
    }

    /**
     * A 1,000-task job whose plan arrived before its JobSubmitted: the JobSubmitted releases every task at once
     * (QUEUED, one TaskReady each), and a JobCancelled then cancels all of them, each change with its status event.
     * Both are single transactions over 1,000 tasks, which must write their events together: one insert per task
     * made such a release take a minute under load.
     */
    @Test
    void aThousandTaskJobIsReleasedAndCancelledWholeWithAnEventPerTask() {
        int tasks = 1000;
        DagJob job = DagJob.frames(tasks);
        job.planAll();
        eventually(WAIT, () -> MonitoringDb.tasksIn(job.jobId, "WAITING"), n -> n == tasks);

        job.submit();
        eventually(WAIT, () -> MonitoringDb.tasksIn(job.jobId, "QUEUED"), n -> n == tasks);
        Set<String> ready = eventually(WAIT, () -> readyIds(job), ids -> ids.size() == tasks);
        assertTrue(ready.contains("task:" + job.taskId(0) + ":1:ready")
                && ready.contains("task:" + job.taskId(tasks - 1) + ":1:ready"), "one TaskReady per task");

        KafkaTestClient.produce(Topics.JOBS, job.jobId, "job:" + job.jobId + ":cancelled",
                new JobCancelled(job.jobId, "wrong camera", Instant.now()));
        awaitJobState(job.jobId, "CANCELLED");
        eventually(WAIT, () -> MonitoringDb.tasksIn(job.jobId, "CANCELLED"), n -> n == tasks);
        assertEquals("job " + job.jobId + " cancelled: wrong camera", MonitoringDb.task(job.taskId(tasks - 1)).reason());
        long cancelledEvents = eventually(WAIT, () -> KafkaTestClient.readAll(Topics.JOB_STATUS).stream()
                .filter(r -> job.jobId.equals(r.key()) && r.value().contains("\"state\":\"CANCELLED\"")
                        && r.value().contains("\"taskId\""))
                .count(), n -> n >= tasks);
        assertEquals(tasks, cancelledEvents, "one CANCELLED status per task, no more");
    }

    private static Set<String> readyIds(DagJob job) {
        return KafkaTestClient.readAll(Topics.TASKS_READY).stream()
                .filter(r -> job.jobId.equals(r.key()))
                .map(r -> KafkaTestClient.header(r, CloudEventHeaders.ID))
                .collect(Collectors.toSet());
    }

    @Test
    void theAssemblyIsReadyOnlyAfterEveryTileSucceeded() {
        DagJob job = DagJob.tiles(2);
        int assembly = job.last();
        job.plan(assembly);
        job.plan(0);
        job.submit();
        job.plan(1);

        for (int tile = 0; tile < 2; tile++) {
            TaskReady ready = awaitReady(job.jobId, job.taskId(tile), 1);
            assertEquals(job.plans.get(tile), ready.task());
            assertEquals(1, ready.attempt());
            awaitTask(job.taskId(tile), "QUEUED", 1);
        }
        assertEquals("WAITING", MonitoringDb.task(job.taskId(assembly)).state());

        job.succeed(0);
        awaitTask(job.taskId(0), "SUCCEEDED", 1);
        assertEquals("WAITING", MonitoringDb.task(job.taskId(assembly)).state(), "one tile is still missing");
        assertTrue(!announced(job, assembly), "no TaskReady for the assembly before its tiles succeeded");

        job.succeed(1);
        TaskReady assemblyReady = awaitReady(job.jobId, job.taskId(assembly), 1);
        assertEquals(job.plans.get(assembly), assemblyReady.task());
        awaitTask(job.taskId(assembly), "QUEUED", 1);

        job.succeed(assembly);
        JobProgress completed = awaitJobProgress(job.jobId, JobState.COMPLETED);
        assertEquals(Map.of("tile", new PartProgress(2, 2), "assembly", new PartProgress(1, 1)),
                completed.progress().parts());
        assertEquals(1, completed.progress().framesDone());
        assertEquals(1, completed.progress().framesTotal());
        assertEquals(3, completed.progress().tasksTotal());
    }

    @Test
    void aDeadTileCancelsTheAssemblyAndFailsTheJob() {
        DagJob job = DagJob.tiles(2);
        int assembly = job.last();
        job.submit();
        job.planAll();
        awaitReady(job.jobId, job.taskId(0), 1);
        awaitState(job.taskId(assembly), "WAITING");

        job.started(0, 1);
        job.failed(0, 1, "scene is broken", false);

        assertEquals("scene is broken", awaitState(job.taskId(0), "DEAD").reason());
        assertEquals("dependency " + job.taskId(0) + " failed: scene is broken",
                awaitState(job.taskId(assembly), "CANCELLED").reason());
        JobProgress failed = awaitJobProgress(job.jobId, JobState.FAILED);
        assertEquals("task " + job.taskId(0) + " failed after 1 attempts: scene is broken", failed.reason());
        assertEquals("CANCELLED", MonitoringDb.task(job.taskId(1)).state());
        assertTrue(!announced(job, assembly));
    }

    @Test
    void aDependentJobWaitsUntilItsDependencyCompletesEvenWhenSubmittedFirst() {
        DagJob a = DagJob.frames(1);
        DagJob b = DagJob.frames(2);
        b.submit(a.jobId);
        b.planAll();
        awaitState(b.taskId(0), "WAITING");
        awaitState(b.taskId(1), "WAITING");
        MonitoringDb.JobRow bRow = eventually(WAIT, () -> MonitoringDb.job(b.jobId), j -> j.submitted());
        assertEquals("[\"" + a.jobId + "\"]", bRow.dependsOn());
        assertEquals("frames", bRow.strategy());

        a.submit();
        a.planAll();
        awaitReady(a.jobId, a.taskId(0), 1);
        assertEquals("WAITING", MonitoringDb.task(b.taskId(0)).state(), "job A has not completed yet");
        assertTrue(!announced(b, 0) && !announced(b, 1));

        a.succeed(0);
        awaitJobProgress(a.jobId, JobState.COMPLETED);
        for (int i = 0; i < 2; i++) {
            assertEquals(b.plans.get(i), awaitReady(b.jobId, b.taskId(i), 1).task());
            awaitTask(b.taskId(i), "QUEUED", 1);
        }
        b.succeed(0);
        b.succeed(1);
        JobProgress completed = awaitJobProgress(b.jobId, JobState.COMPLETED);
        assertEquals(Map.of("chunk", new PartProgress(2, 2)), completed.progress().parts());
        assertEquals(2, completed.progress().framesDone());
    }

    @Test
    void aJobSubmittedAfterItsDependencyCompletedIsReleasedAtOnce() {
        DagJob a = DagJob.frames(1);
        a.submit();
        a.planAll();
        awaitReady(a.jobId, a.taskId(0), 1);
        a.succeed(0);
        awaitJobState(a.jobId, "COMPLETED");

        DagJob b = DagJob.frames(1);
        b.submit(a.jobId);
        b.planAll();
        awaitReady(b.jobId, b.taskId(0), 1);
        awaitTask(b.taskId(0), "QUEUED", 1);
    }

    @Test
    void aFailedDependencyFailsItsDependentsTransitively() {
        DagJob a = DagJob.frames(1);
        DagJob b = DagJob.frames(1);
        DagJob c = DagJob.frames(1);
        a.submit();
        b.submit(a.jobId);
        c.submit(b.jobId);
        a.planAll();
        b.planAll();
        c.planAll();
        awaitReady(a.jobId, a.taskId(0), 1);
        awaitState(b.taskId(0), "WAITING");
        awaitState(c.taskId(0), "WAITING");

        a.started(0, 1);
        a.failed(0, 1, "out of licences", false);

        awaitJobState(a.jobId, "FAILED");
        assertEquals("dependency job " + a.jobId + " failed", awaitJobState(b.jobId, "FAILED"));
        assertEquals("dependency job " + b.jobId + " failed", awaitJobState(c.jobId, "FAILED"));
        assertEquals("CANCELLED", awaitState(b.taskId(0), "CANCELLED").state());
        assertEquals("CANCELLED", awaitState(c.taskId(0), "CANCELLED").state());
        JobProgress bFailed = awaitJobProgress(b.jobId, JobState.FAILED);
        assertEquals("dependency job " + a.jobId + " failed", bFailed.reason());

        DagJob d = DagJob.frames(1);
        d.submit(a.jobId);
        assertEquals("dependency job " + a.jobId + " failed", awaitJobState(d.jobId, "FAILED"),
                "a job submitted after its dependency failed fails at once");
    }
}
