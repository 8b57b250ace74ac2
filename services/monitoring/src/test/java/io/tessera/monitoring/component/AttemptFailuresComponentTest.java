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
import io.tessera.contracts.TaskState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobBlocklistCleared;
import io.tessera.contracts.jobs.JobRetryRequested;
import io.tessera.contracts.jobs.JobWorkerBlocklisted;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.monitoring.component.MonitoringDb.AttemptRow;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Failure reasons per attempt, the per-job error limit and the per-job worker blocklist against the real broker and
 * database: every failed or stalled attempt is kept with its reason, worker and number and published as a FAILED or
 * STALLED TaskStatusChanged; a job FAILS when its failed attempts reach its errorLimit, naming the last reasons, with
 * its remaining tasks cancelled; a worker failing the job's threshold of attempts is blocklisted on farm.jobs.v1 and
 * counts from zero after a JobBlocklistCleared.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class AttemptFailuresComponentTest {

    private static JobWorkerBlocklisted awaitBlocklisted(String jobId, String workerId, int times) {
        String id = "job:" + jobId + ":worker-blocklisted:" + workerId + ":" + times;
        ConsumerRecord<String, String> record = KafkaTestClient.await(Topics.JOBS,
                r -> id.equals(KafkaTestClient.header(r, CloudEventHeaders.ID)), WAIT);
        assertEquals(jobId, record.key());
        assertEquals(EventTypes.typeOf(JobWorkerBlocklisted.class),
                KafkaTestClient.header(record, CloudEventHeaders.TYPE));
        return Json.read(record.value(), JobWorkerBlocklisted.class);
    }

    private static TaskStatusChanged awaitStatus(String taskId, TaskState state, int attempt) {
        ConsumerRecord<String, String> record = KafkaTestClient.await(Topics.JOB_STATUS,
                r -> EventTypes.typeOf(TaskStatusChanged.class).equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                        && matches(Json.read(r.value(), TaskStatusChanged.class), taskId, state, attempt), WAIT);
        return Json.read(record.value(), TaskStatusChanged.class);
    }

    private static boolean matches(TaskStatusChanged status, String taskId, TaskState state, int attempt) {
        return status.taskId().equals(taskId) && status.state() == state && status.attempt() == attempt;
    }

    private static List<AttemptRow> awaitAttempts(String taskId, int count) {
        return eventually(WAIT, () -> MonitoringDb.attempts(taskId), rows -> rows.size() == count);
    }

    @Test
    void aJobReachingItsErrorLimitFailsWithTheLastReasonsAndItsRemainingTasksCancelled() {
        DagJob job = DagJob.frames(3).limits(3, 2);
        job.submit();
        job.planAll();
        for (int i = 0; i < 3; i++) {
            awaitReady(job.jobId, job.taskId(i), 1);
        }
        String logTail = "exit code 3: out of memory\n[render] allocating 64 GiB\n[render] killed";
        job.started(0, 1, "worker-a");
        job.failed(0, 1, "worker-a", logTail, true);
        awaitTask(job.taskId(0), "QUEUED", 2);
        // worker-a never sent TaskStarted for this one: the failure still names it
        job.failed(1, 1, "worker-a", "texture missing: wood.png", true);

        JobWorkerBlocklisted blocklisted = awaitBlocklisted(job.jobId, "worker-a", 1);
        assertEquals(2, blocklisted.failures());
        assertEquals("texture missing: wood.png", blocklisted.reason());

        awaitReady(job.jobId, job.taskId(0), 2);
        job.started(0, 2, "worker-b");
        job.failed(0, 2, "worker-b", "segfault", true);

        JobProgress failed = awaitJobProgress(job.jobId, JobState.FAILED);
        assertEquals("error limit reached: 3 failed attempts (errorLimit 3); last reasons: segfault"
                + " | texture missing: wood.png | exit code 3: out of memory", failed.reason());
        assertEquals("CANCELLED", awaitTask(job.taskId(2), "CANCELLED", 1).state(), "the queued task is cancelled");
        awaitTask(job.taskId(0), "CANCELLED", 3);
        awaitTask(job.taskId(1), "CANCELLED", 2);

        assertEquals(List.of(new AttemptRow(1, "worker-a", "FAILED", logTail),
                new AttemptRow(2, "worker-b", "FAILED", "segfault")), awaitAttempts(job.taskId(0), 2));
        assertEquals(List.of(new AttemptRow(1, "worker-a", "FAILED", "texture missing: wood.png")),
                awaitAttempts(job.taskId(1), 1));
        TaskStatusChanged first = awaitStatus(job.taskId(0), TaskState.FAILED, 1);
        assertEquals("worker-a", first.workerId());
        assertEquals(logTail, first.reason());
        assertEquals("worker-a", awaitStatus(job.taskId(1), TaskState.FAILED, 1).workerId());
    }

    @Test
    void retryFailedCountsTheJobsFailedAttemptsFromZero() {
        DagJob job = DagJob.frames(2).limits(2, 0);
        job.submit();
        job.planAll();
        awaitReady(job.jobId, job.taskId(0), 1);
        awaitReady(job.jobId, job.taskId(1), 1);
        job.failed(0, 1, "worker-a", "exit code 1", true);
        awaitTask(job.taskId(0), "QUEUED", 2);
        job.failed(1, 1, "worker-b", "exit code 2", true);
        assertEquals("error limit reached: 2 failed attempts (errorLimit 2); last reasons: exit code 2 | exit code 1",
                awaitJobProgress(job.jobId, JobState.FAILED).reason());

        KafkaTestClient.produce(Topics.JOBS, job.jobId, "job:" + job.jobId + ":retry-requested:1",
                new JobRetryRequested(job.jobId, 1, Instant.now()));
        awaitReady(job.jobId, job.taskId(0), 3);
        job.failed(0, 3, "worker-a", "exit code 3", true);
        awaitTask(job.taskId(0), "QUEUED", 4);
        assertEquals("RUNNING", MonitoringDb.job(job.jobId).state(), "one failure after the retry, limit 2");
        assertEquals(List.of(1, 3), MonitoringDb.attempts(job.taskId(0)).stream().map(AttemptRow::attempt).toList(),
                "attempts 1 and 3 failed; attempt 2 was cancelled by the job's failure, not failed");
    }

    @Test
    void aClearedWorkerCountsFromZeroAndStalledAttemptsAreKeptButNotCounted() {
        DagJob job = DagJob.frames(2).limits(0, 1);
        job.submit();
        job.planAll();
        awaitReady(job.jobId, job.taskId(0), 1);
        awaitReady(job.jobId, job.taskId(1), 1);

        job.started(0, 1, "worker-a");
        job.failed(0, 1, "worker-a", "exit code 1", true);
        assertEquals(1, awaitBlocklisted(job.jobId, "worker-a", 1).failures());

        KafkaTestClient.produce(Topics.JOBS, job.jobId, "job:" + job.jobId + ":blocklist-cleared:1",
                new JobBlocklistCleared(job.jobId, "worker-a", 1, Instant.now()));
        awaitReady(job.jobId, job.taskId(0), 2);
        job.started(0, 2, "worker-a");
        job.failed(0, 2, "worker-a", "exit code 2", true);
        JobWorkerBlocklisted again = awaitBlocklisted(job.jobId, "worker-a", 2);
        assertEquals(1, again.failures(), "failures count from zero after the clear");
        assertEquals("exit code 2", again.reason());

        // worker-c freezes: its lease expires (2 s in tests); the stall is kept but does not blocklist it
        job.started(1, 1, "worker-c");
        awaitTask(job.taskId(1), "QUEUED", 2);
        List<AttemptRow> stalled = awaitAttempts(job.taskId(1), 1);
        assertEquals(new AttemptRow(1, "worker-c", "STALLED", "lease of worker worker-c expired"), stalled.get(0));
        assertEquals("worker-c", awaitStatus(job.taskId(1), TaskState.STALLED, 1).workerId());

        job.started(1, 2);
        job.completed(1, 2);
        job.started(0, 3);
        job.completed(0, 3);
        awaitJobProgress(job.jobId, JobState.COMPLETED);
        assertTrue(KafkaTestClient.readAll(Topics.JOBS).stream()
                        .noneMatch(r -> ("job:" + job.jobId + ":worker-blocklisted:worker-c:1")
                                .equals(KafkaTestClient.header(r, CloudEventHeaders.ID))),
                "a stalled attempt does not count towards the blocklist");
    }

    @Test
    void handBacksOfLeavingWorkersAreRequeuedAndCountAgainstNothing() {
        // error limit 1 and blocklist threshold 1: a single counted failure would fail the job and blocklist worker-a
        DagJob job = DagJob.frames(1).limits(1, 1);
        job.submit();
        job.planAll();
        awaitReady(job.jobId, job.taskId(0), 1);
        String reason = "worker drained: stopped after grace period 5s (0 of 1 frames done)";
        for (int attempt = 1; attempt <= 4; attempt++) { // more hand-backs than the 3 attempts a task gets
            job.started(0, attempt, "worker-a");
            job.handedBack(0, attempt, "worker-a", reason);
            awaitReady(job.jobId, job.taskId(0), attempt + 1);
        }
        assertEquals(List.of(1, 2, 3, 4), awaitAttempts(job.taskId(0), 4).stream().map(AttemptRow::attempt).toList());
        assertTrue(MonitoringDb.attempts(job.taskId(0)).stream()
                        .allMatch(row -> row.equals(new AttemptRow(row.attempt(), "worker-a", "HANDED_BACK", reason))),
                "every hand-back kept as HANDED_BACK: " + MonitoringDb.attempts(job.taskId(0)));

        job.started(0, 5);
        job.completed(0, 5);
        awaitJobProgress(job.jobId, JobState.COMPLETED);
        assertTrue(KafkaTestClient.readAll(Topics.JOBS).stream()
                        .noneMatch(r -> ("job:" + job.jobId + ":worker-blocklisted:worker-a:1")
                                .equals(KafkaTestClient.header(r, CloudEventHeaders.ID))),
                "a hand-back does not count towards the blocklist");
    }
}
