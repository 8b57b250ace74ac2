package io.tessera.monitoring.component;

import static io.tessera.monitoring.component.MonitoringDb.eventually;
import static io.tessera.monitoring.component.MonitoringServiceTest.WAIT;
import static io.tessera.monitoring.component.MonitoringServiceTest.awaitReady;
import static io.tessera.monitoring.component.MonitoringServiceTest.awaitTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.JobState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobResumed;
import io.tessera.contracts.jobs.JobRetryRequested;
import io.tessera.contracts.jobs.JobSuspended;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.tasks.TaskReady;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.monitoring.component.MonitoringDb.TaskRow;
import java.nio.file.Files;
import java.time.Instant;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Suspend, resume and retry-failed against the real broker and database: a suspended job's waiting tasks are not
 * released (and tasks planned meanwhile wait) while running ones finish; resume releases them; retry-failed queues
 * DEAD tasks with their next attempt and a fresh attempt budget, and the tasks the failure cancelled run again.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class JobCommandsComponentTest {

    private static void suspend(String jobId, long sequence) {
        KafkaTestClient.produce(Topics.JOBS, jobId, "job:" + jobId + ":suspended:" + sequence,
                new JobSuspended(jobId, sequence, "suspended by user", Instant.now()));
    }

    private static void resume(String jobId, long sequence) {
        KafkaTestClient.produce(Topics.JOBS, jobId, "job:" + jobId + ":resumed:" + sequence,
                new JobResumed(jobId, sequence, Instant.now()));
    }

    private static void retry(String jobId, long sequence) {
        KafkaTestClient.produce(Topics.JOBS, jobId, "job:" + jobId + ":retry-requested:" + sequence,
                new JobRetryRequested(jobId, sequence, Instant.now()));
    }

    /** The first JobProgress of the job on farm.job-status.v1 matching {@code filter}. */
    private static JobProgress awaitProgress(String jobId, Predicate<JobProgress> filter) {
        ConsumerRecord<String, String> record = KafkaTestClient.await(Topics.JOB_STATUS,
                r -> jobId.equals(r.key())
                        && EventTypes.typeOf(JobProgress.class).equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                        && filter.test(Json.read(r.value(), JobProgress.class)), WAIT);
        return Json.read(record.value(), JobProgress.class);
    }

    private static JobProgress awaitProgress(String jobId, JobState state, long sequence) {
        return awaitProgress(jobId, p -> p.state() == state && p.lifecycleSequence() == sequence);
    }

    private static boolean announced(String taskId, int attempt) {
        String id = "task:" + taskId + ":" + attempt + ":ready";
        return KafkaTestClient.readAll(Topics.TASKS_READY).stream()
                .anyMatch(r -> id.equals(KafkaTestClient.header(r, CloudEventHeaders.ID)));
    }

    private static TaskRow awaitState(String taskId, String state) {
        return eventually(WAIT, () -> MonitoringDb.task(taskId), t -> t != null && t.state().equals(state));
    }

    @Test
    void aSuspendedJobReleasesNothingWhileRunningTasksFinishAndResumeReleasesTheRest() throws Exception {
        DagJob job = DagJob.tiles(2);
        int assembly = job.last();
        job.submit();
        job.planAll();
        awaitReady(job.jobId, job.taskId(0), 1);
        awaitReady(job.jobId, job.taskId(1), 1);
        awaitState(job.taskId(assembly), "WAITING");

        suspend(job.jobId, 1);
        JobProgress suspended = awaitProgress(job.jobId, JobState.SUSPENDED, 1);
        assertEquals("suspended by user", suspended.reason());
        assertEquals("SUSPENDED", MonitoringDb.job(job.jobId).state());

        // both tiles were handed out before the suspend: they run to the end and their outputs are committed
        job.succeed(0);
        job.succeed(1);
        awaitTask(job.taskId(0), "SUCCEEDED", 1);
        awaitTask(job.taskId(1), "SUCCEEDED", 1);
        JobProgress held = awaitProgress(job.jobId, p -> p.state() == JobState.SUSPENDED
                && Integer.valueOf(2).equals(p.progress().tasksByState().get("SUCCEEDED")));
        assertEquals(1, held.progress().tasksByState().get("WAITING"), "the job was re-evaluated, nothing released");
        assertEquals("WAITING", MonitoringDb.task(job.taskId(assembly)).state());
        assertTrue(!announced(job.taskId(assembly), 1), "no TaskReady for the assembly while suspended");
        assertTrue(Files.exists(job.outputDir.resolve("tiles")), "the running tiles' outputs were committed");

        resume(job.jobId, 2);
        TaskReady ready = awaitReady(job.jobId, job.taskId(assembly), 1);
        assertEquals(job.plans.get(assembly), ready.task());
        awaitProgress(job.jobId, JobState.RUNNING, 2);

        job.succeed(assembly);
        JobProgress completed = awaitProgress(job.jobId, JobState.COMPLETED, 2);
        assertEquals(3, completed.progress().tasksByState().get("SUCCEEDED"));
    }

    @Test
    void tasksPlannedWhileSuspendedWaitAndAnOlderCommandChangesNothing() {
        DagJob job = DagJob.frames(2);
        job.submit();
        job.plan(0);
        awaitReady(job.jobId, job.taskId(0), 1);
        suspend(job.jobId, 1);
        awaitProgress(job.jobId, JobState.SUSPENDED, 1);

        job.plan(1);
        awaitState(job.taskId(1), "WAITING");

        resume(job.jobId, 2);
        awaitReady(job.jobId, job.taskId(1), 1);
        awaitTask(job.taskId(1), "QUEUED", 1);
        awaitProgress(job.jobId, JobState.SUBMITTED, 2);

        // a replay of the first suspend under another id: older than the resume, so it changes nothing; a retry of a
        // job that did not fail changes nothing either, but is answered with the job's state and its sequence
        KafkaTestClient.produce(Topics.JOBS, job.jobId, "job:" + job.jobId + ":suspended:1:replayed",
                new JobSuspended(job.jobId, 1, "replayed", Instant.now()));
        retry(job.jobId, 3);
        awaitProgress(job.jobId, JobState.SUBMITTED, 3);
        assertEquals("SUBMITTED", MonitoringDb.job(job.jobId).state());

        job.succeed(0);
        job.succeed(1);
        awaitProgress(job.jobId, JobState.COMPLETED, 3);
        suspend(job.jobId, 4);
        JobProgress answer = awaitProgress(job.jobId, p -> p.lifecycleSequence() == 4);
        assertEquals(JobState.COMPLETED, answer.state(), "a completed job cannot be suspended");
    }

    @Test
    void retryFailedRequeuesDeadTasksWithTheNextAttemptAndAFreshBudget() {
        DagJob job = DagJob.tiles(2);
        int assembly = job.last();
        job.submit();
        job.planAll();
        awaitReady(job.jobId, job.taskId(1), 1);
        for (int attempt = 1; attempt <= 3; attempt++) {
            awaitReady(job.jobId, job.taskId(0), attempt);
            job.started(0, attempt);
            job.failed(0, attempt, "renderer crashed", true);
        }
        awaitTask(job.taskId(0), "DEAD", 3);
        assertEquals("dependency " + job.taskId(0) + " failed: renderer crashed",
                awaitState(job.taskId(assembly), "CANCELLED").reason());
        awaitState(job.taskId(1), "CANCELLED");
        JobProgress failed = awaitProgress(job.jobId, p -> p.state() == JobState.FAILED);
        assertEquals("task " + job.taskId(0) + " failed after 3 attempts: renderer crashed", failed.reason());

        retry(job.jobId, 1);
        TaskReady dead = awaitReady(job.jobId, job.taskId(0), 4);
        assertEquals(job.plans.get(0), dead.task());
        awaitReady(job.jobId, job.taskId(1), 2);
        TaskRow requeued = awaitTask(job.taskId(0), "QUEUED", 4);
        assertNull(requeued.reason());
        awaitTask(job.taskId(1), "QUEUED", 2);
        awaitTask(job.taskId(assembly), "WAITING", 2);
        JobProgress running = awaitProgress(job.jobId, JobState.RUNNING, 1);
        assertEquals(null, running.reason());

        // a fresh budget: with max-attempts 3, attempt 4 failing is retried instead of ending DEAD at once
        job.started(0, 4);
        job.failed(0, 4, "renderer crashed again", true);
        awaitReady(job.jobId, job.taskId(0), 5);
        awaitTask(job.taskId(0), "QUEUED", 5);

        // the cancelled tile's first attempt is fenced off; its new attempt counts
        job.completed(1, 1);
        job.started(1, 2);
        job.completed(1, 2);
        job.started(0, 5);
        job.completed(0, 5);
        awaitTask(job.taskId(1), "SUCCEEDED", 2);
        awaitReady(job.jobId, job.taskId(assembly), 2);
        job.started(assembly, 2);
        job.completed(assembly, 2);
        JobProgress completed = awaitProgress(job.jobId, JobState.COMPLETED, 1);
        assertEquals(3, completed.progress().tasksByState().get("SUCCEEDED"));
    }

    @Test
    void aCommandWithoutAValidSequenceIsDeadLetteredWithTheReason() {
        DagJob job = DagJob.frames(1);
        KafkaTestClient.produce(Topics.JOBS, job.jobId, "job:" + job.jobId + ":suspended:0",
                new JobSuspended(job.jobId, 0, null, Instant.now()));
        ConsumerRecord<String, String> dead = KafkaTestClient.await(Topics.dlq(Topics.JOBS),
                r -> ("job:" + job.jobId + ":suspended:0").equals(KafkaTestClient.header(r, CloudEventHeaders.ID)),
                WAIT);
        String reason = KafkaTestClient.header(dead, CloudEventHeaders.DEAD_LETTER_REASON);
        assertTrue(reason != null && reason.contains("sequence: must be at least 1, was 0"), reason);
    }
}
