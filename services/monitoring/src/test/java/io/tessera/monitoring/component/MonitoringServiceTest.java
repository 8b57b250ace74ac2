package io.tessera.monitoring.component;

import static io.restassured.RestAssured.given;
import static io.tessera.monitoring.component.MonitoringDb.eventually;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.JobState;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.Capability;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.PartProgress;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.contracts.coordination.LeaseRevoked;
import io.tessera.contracts.tasks.TaskReady;
import io.tessera.contracts.tasks.TasksWithdrawn;
import io.tessera.contracts.tasks.TaskStarted;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.monitoring.component.MonitoringDb.TaskRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class MonitoringServiceTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    static TaskRow awaitTask(String taskId, String state, int attempt) {
        return eventually(WAIT, () -> MonitoringDb.task(taskId),
                t -> t != null && t.state().equals(state) && t.attempt() == attempt);
    }

    static JobProgress awaitJobProgress(String jobId, JobState state) {
        ConsumerRecord<String, String> record = KafkaTestClient.await(Topics.JOB_STATUS,
                r -> jobId.equals(r.key()) && EventTypes.typeOf(JobProgress.class)
                        .equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                        && Json.read(r.value(), JobProgress.class).state() == state, WAIT);
        JobProgress progress = Json.read(record.value(), JobProgress.class);
        assertEquals("job:" + jobId + ":progress:" + progress.version(),
                KafkaTestClient.header(record, CloudEventHeaders.ID));
        return progress;
    }

    static TaskReady awaitReady(String jobId, String taskId, int attempt) {
        ConsumerRecord<String, String> record = KafkaTestClient.await(Topics.TASKS_READY,
                r -> ("task:" + taskId + ":" + attempt + ":ready")
                        .equals(KafkaTestClient.header(r, CloudEventHeaders.ID)), WAIT);
        assertEquals(jobId, record.key());
        assertEquals(EventTypes.typeOf(TaskReady.class), KafkaTestClient.header(record, CloudEventHeaders.TYPE));
        return Json.read(record.value(), TaskReady.class);
    }

    /** The LeaseRevoked sent to {@code worker} for the attempt with {@code reason}. */
    static LeaseRevoked awaitRevoked(String worker, String taskId, int attempt, String reason) {
        ConsumerRecord<String, String> record = KafkaTestClient.await(Topics.COORDINATION,
                r -> worker.equals(r.key()) && EventTypes.typeOf(LeaseRevoked.class)
                        .equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                        && Json.read(r.value(), LeaseRevoked.class).taskId().equals(taskId)
                        && Json.read(r.value(), LeaseRevoked.class).reason().equals(reason), WAIT);
        LeaseRevoked revoked = Json.read(record.value(), LeaseRevoked.class);
        assertEquals(worker, revoked.workerId());
        assertEquals(attempt, revoked.attempt());
        return revoked;
    }

    @Test
    void completedTasksCommitTheirOutputsAndCompleteTheJob() throws Exception {
        Events job = new Events(2);
        job.submitAndPlan();
        for (int i = 0; i < 2; i++) {
            awaitTask(job.taskId(i), "QUEUED", 1);
            assertEquals(job.planned(i), awaitReady(job.jobId, job.taskId(i), 1).task());
            job.started(i, 1, "worker-a");
            job.completed(i, 1, "worker-a", ("png-" + i).getBytes(StandardCharsets.UTF_8));
        }

        for (int i = 0; i < 2; i++) {
            awaitTask(job.taskId(i), "SUCCEEDED", 1);
            assertArrayEquals(("png-" + i).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(job.finalPath(i)));
            assertFalse(Files.exists(job.stagedPath(i, 1)));
            assertFalse(Files.exists(job.outputDir.resolve(".staging").resolve(job.taskId(i))));
        }
        JobProgress completed = awaitJobProgress(job.jobId, JobState.COMPLETED);
        assertEquals(2, completed.progress().tasksTotal());
        assertEquals(2, completed.progress().framesDone());
        assertEquals(2, completed.progress().framesTotal());
        assertEquals(2, completed.progress().tasksByState().get("SUCCEEDED"));
        assertEquals(Map.of("chunk", new PartProgress(2, 2)), completed.progress().parts());
        assertEquals("COMPLETED", MonitoringDb.job(job.jobId).state());
    }

    @Test
    void workerEventsThatOvertakeTheTaskPlanAreAppliedOnceThePlanArrives() throws Exception {
        Events job = new Events(1);
        job.started(0, 1, "worker-early");
        job.completed(0, 1, "worker-early", "early".getBytes(StandardCharsets.UTF_8));
        Thread.sleep(1500);
        assertEquals(null, MonitoringDb.task(job.taskId(0)), "no task row before its plan arrives");

        job.submitAndPlan();

        awaitTask(job.taskId(0), "SUCCEEDED", 1);
        assertArrayEquals("early".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(job.finalPath(0)));
        awaitJobProgress(job.jobId, JobState.COMPLETED);
    }

    @Test
    void expiredLeaseRepublishesTheNextAttemptAndFencesTheZombie() throws Exception {
        Events job = new Events(1);
        job.submitAndPlan();
        awaitTask(job.taskId(0), "QUEUED", 1);
        job.started(0, 1, "worker-zombie");
        awaitTask(job.taskId(0), "RUNNING", 1);

        TaskReady ready = awaitReady(job.jobId, job.taskId(0), 2);
        assertEquals(2, ready.attempt());
        assertEquals(job.planned(0), ready.task());
        assertTrue(KafkaTestClient.readAll(Topics.TASKS_CPU).stream().noneMatch(r -> job.taskId(0).equals(r.key())),
                "monitoring no longer dispatches to the capability topics");
        TaskRow requeued = awaitTask(job.taskId(0), "QUEUED", 2);
        assertEquals(null, requeued.workerId());
        // the zombie is told at once, and again whenever it says it still holds the attempt
        awaitRevoked("worker-zombie", job.taskId(0), 1, "lease expired; attempt 2 is queued");
        job.heartbeat("worker-zombie", 0, 1);
        awaitRevoked("worker-zombie", job.taskId(0), 1, "attempt 1 was superseded by attempt 2");

        job.completed(0, 1, "worker-zombie", "zombie".getBytes(StandardCharsets.UTF_8));
        job.started(0, 2, "worker-b");
        awaitTask(job.taskId(0), "RUNNING", 2);
        assertFalse(Files.exists(job.finalPath(0)), "the zombie's output must not be committed");
        assertFalse(Files.exists(job.stagedPath(0, 1).getParent()), "the zombie's ignored staged files are deleted");
        // a late event of the zombie's attempt makes monitoring revoke it again; worker-b's lease is renewed
        job.progress(0, 1, "worker-zombie", 1);
        job.heartbeat("worker-b", 0, 2);
        awaitRevoked("worker-zombie", job.taskId(0), 1, "attempt 1 was superseded by attempt 2");

        job.completed(0, 2, "worker-b", "attempt-2".getBytes(StandardCharsets.UTF_8));
        awaitTask(job.taskId(0), "SUCCEEDED", 2);
        assertArrayEquals("attempt-2".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(job.finalPath(0)));
        assertFalse(Files.exists(job.outputDir.resolve(".staging").resolve(job.taskId(0))));
        awaitJobProgress(job.jobId, JobState.COMPLETED);
    }

    @Test
    void retryableFailuresRetryUntilMaxAttemptsThenTheJobFails() {
        Events job = new Events(2);
        job.submitAndPlan();
        awaitTask(job.taskId(0), "QUEUED", 1);
        awaitTask(job.taskId(1), "QUEUED", 1);
        job.started(1, 1, "worker-b");
        awaitTask(job.taskId(1), "RUNNING", 1);
        for (int attempt = 1; attempt <= 2; attempt++) {
            job.started(0, attempt, "worker-a");
            job.failed(0, attempt, "worker-a", "out of memory", true);
            assertEquals(attempt + 1, awaitReady(job.jobId, job.taskId(0), attempt + 1).attempt());
            awaitTask(job.taskId(0), "QUEUED", attempt + 1);
        }
        job.started(0, 3, "worker-a");
        job.failed(0, 3, "worker-a", "out of memory", true);

        TaskRow dead = awaitTask(job.taskId(0), "DEAD", 3);
        assertEquals("out of memory", dead.reason());
        JobProgress failed = awaitJobProgress(job.jobId, JobState.FAILED);
        assertEquals("task " + job.taskId(0) + " failed after 3 attempts: out of memory", failed.reason());
        assertEquals("CANCELLED", MonitoringDb.task(job.taskId(1)).state());
        assertEquals("FAILED", MonitoringDb.job(job.jobId).state());
        // nothing of the failed job is rendered for nothing: worker-b stops task 1, assignment drops queued tasks
        String jobReason = "job " + job.jobId + " failed: " + failed.reason();
        awaitRevoked("worker-b", job.taskId(1), 1, jobReason);
        ConsumerRecord<String, String> withdrawn = KafkaTestClient.await(Topics.TASKS_READY,
                r -> job.jobId.equals(r.key()) && EventTypes.typeOf(TasksWithdrawn.class)
                        .equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)), WAIT);
        assertEquals(jobReason, Json.read(withdrawn.value(), TasksWithdrawn.class).reason());
    }

    @Test
    void cancellingAJobCancelsItsTasks() {
        Events job = new Events(2);
        job.submitAndPlan();
        awaitTask(job.taskId(1), "QUEUED", 1);
        job.started(0, 1, "worker-a");
        awaitTask(job.taskId(0), "RUNNING", 1);

        KafkaTestClient.produce(Topics.JOBS, job.jobId, "job:" + job.jobId + ":cancelled",
                new JobCancelled(job.jobId, "studio changed its mind", Instant.now()));

        assertEquals("CANCELLED", eventually(WAIT, () -> MonitoringDb.task(job.taskId(0)),
                t -> t.state().equals("CANCELLED")).state());
        assertEquals("CANCELLED", MonitoringDb.task(job.taskId(1)).state());
        JobProgress cancelled = awaitJobProgress(job.jobId, JobState.CANCELLED);
        assertEquals("studio changed its mind", cancelled.reason());
        assertEquals(2, cancelled.progress().tasksByState().get("CANCELLED"));
        // the task's last status change (version 2, or 3 when its TaskPlanned overtook the JobSubmitted: WAITING,
        // QUEUED, CANCELLED) says CANCELLED
        long version = MonitoringDb.task(job.taskId(1)).version();
        ConsumerRecord<String, String> status = KafkaTestClient.await(Topics.JOB_STATUS,
                r -> ("task:" + job.taskId(1) + ":status:" + version)
                        .equals(KafkaTestClient.header(r, CloudEventHeaders.ID)), WAIT);
        assertEquals(TaskState.CANCELLED, Json.read(status.value(), TaskStatusChanged.class).state());
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        Events job = new Events(1);
        job.submitAndPlan();
        awaitTask(job.taskId(0), "QUEUED", 1);
        job.started(0, 1, "worker-a");
        TaskRow running = awaitTask(job.taskId(0), "RUNNING", 1);
        awaitJobProgress(job.jobId, JobState.RUNNING);
        long jobVersion = MonitoringDb.job(job.jobId).version();

        job.plan(0);
        job.started(0, 1, "worker-a");
        KafkaTestClient.produce(Topics.TASK_EVENTS, job.jobId, "task:" + job.taskId(0) + ":1:started",
                new TaskStarted(job.taskId(0), job.jobId, 1, "worker-other", Instant.now()));
        job.failed(0, 1, "worker-a", "marker", true);
        awaitTask(job.taskId(0), "QUEUED", 2);

        TaskRow after = MonitoringDb.task(job.taskId(0));
        assertEquals(running.version() + 2, after.version(), "only the FAILED and QUEUED changes count");
        long refreshed = eventually(WAIT, () -> MonitoringDb.job(job.jobId).version(), v -> v > jobVersion);
        assertEquals(jobVersion + 1, refreshed, "one re-evaluation of the job for the failure and its retry");
        long statusRecords = KafkaTestClient.readAll(Topics.JOB_STATUS).stream()
                .filter(r -> job.taskId(0).equals(KafkaTestClient.header(r, CloudEventHeaders.SUBJECT)))
                .count();
        assertEquals(after.version(), statusRecords);
    }

    @Test
    void aGarbageRecordIsDeadLetteredAndTheConsumerContinues() {
        ProducerRecord<String, String> garbage = new ProducerRecord<>(Topics.TASK_EVENTS, "garbage", "{not json");
        garbage.headers().add(CloudEventHeaders.ID, "garbage-1".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add(CloudEventHeaders.TYPE,
                EventTypes.typeOf(TaskStarted.class).getBytes(StandardCharsets.UTF_8));
        KafkaTestClient.produce(garbage);

        ConsumerRecord<String, String> dead = KafkaTestClient.await(Topics.dlq(Topics.TASK_EVENTS),
                r -> "{not json".equals(r.value()), WAIT);
        String reason = KafkaTestClient.header(dead, CloudEventHeaders.DEAD_LETTER_REASON);
        assertNotNull(reason);
        assertTrue(reason.contains("TaskStarted"), reason);

        Events job = new Events(1);
        job.submitAndPlan();
        awaitTask(job.taskId(0), "QUEUED", 1);
        job.started(0, 1, "worker-a");
        awaitTask(job.taskId(0), "RUNNING", 1);
    }

    @Test
    void anInvalidTaskPlannedAmongValidOnesIsDeadLetteredAndTheOthersAreRecorded() {
        Events job = new Events(3);
        KafkaTestClient.produce(Topics.JOBS, job.jobId, "job:" + job.jobId + ":submitted",
                new JobSubmitted(job.jobId, job.jobId, "test", "studio-a", "{}", 1, 3, 1, job.outputDir.toString(), 50,
                        new Requirements(Capability.CPU, null, null), Instant.now()));
        job.plan(0);
        TaskPlanned good = job.planned(1);
        KafkaTestClient.produce(Topics.TASKS_PLANNED, job.jobId, "task:" + job.taskId(1) + ":planned:broken",
                new TaskPlanned(good.taskId(), good.jobId(), good.index(), good.taskCount(), good.frameStart(),
                        good.frameEnd(), good.requirements(), good.priority(), good.scene(), null));
        job.plan(1);
        job.plan(2);

        ConsumerRecord<String, String> dead = KafkaTestClient.await(Topics.dlq(Topics.TASKS_PLANNED),
                r -> ("task:" + job.taskId(1) + ":planned:broken").equals(KafkaTestClient.header(r, CloudEventHeaders.ID)),
                WAIT);
        String reason = KafkaTestClient.header(dead, CloudEventHeaders.DEAD_LETTER_REASON);
        assertEquals("outputDir: is required", reason);
        assertEquals(Topics.TASKS_PLANNED, KafkaTestClient.header(dead, "dead-letter-topic"));
        for (int i = 0; i < 3; i++) {
            awaitTask(job.taskId(i), "QUEUED", 1);
            awaitReady(job.jobId, job.taskId(i), 1);
        }
    }

    @Test
    void aJobPlannedInWavesCompletesOnlyAfterTheLastWave() throws Exception {
        Events job = new Events(2);
        KafkaTestClient.produce(Topics.JOBS, job.jobId, "job:" + job.jobId + ":submitted",
                new JobSubmitted(job.jobId, job.jobId, "test", "studio-a", "{}", 1, 2, 1, job.outputDir.toString(), 50,
                        new Requirements(Capability.CPU, null, null), Instant.now()));
        KafkaTestClient.produce(Topics.TASKS_PLANNED, job.jobId, "task:" + job.taskId(0) + ":planned",
                wave(job, 0, 1, true));
        awaitTask(job.taskId(0), "QUEUED", 1);
        job.started(0, 1, "worker-a");
        job.completed(0, 1, "worker-a", new byte[] {1});
        awaitTask(job.taskId(0), "SUCCEEDED", 1);
        ConsumerRecord<String, String> probeDone = KafkaTestClient.await(Topics.JOB_STATUS,
                r -> job.jobId.equals(r.key()) && EventTypes.typeOf(JobProgress.class)
                        .equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                        && Json.read(r.value(), JobProgress.class).progress().tasksByState()
                        .getOrDefault("SUCCEEDED", 0) == 1, WAIT);
        JobProgress afterProbe = Json.read(probeDone.value(), JobProgress.class);
        assertEquals(JobState.RUNNING, afterProbe.state(), "more tasks were announced: not complete");

        KafkaTestClient.produce(Topics.TASKS_PLANNED, job.jobId, "task:" + job.taskId(1) + ":planned",
                wave(job, 1, 2, false));
        awaitTask(job.taskId(1), "QUEUED", 1);
        job.started(1, 1, "worker-a");
        job.completed(1, 1, "worker-a", new byte[] {2});
        JobProgress done = awaitJobProgress(job.jobId, JobState.COMPLETED);
        assertEquals(2, done.progress().tasksTotal());
        assertTrue(done.version() > afterProbe.version());
    }

    private static TaskPlanned wave(Events job, int index, int taskCount, boolean moreTasks) {
        TaskPlanned plan = job.planned(index);
        return new TaskPlanned(plan.taskId(), plan.jobId(), index, taskCount, plan.frameStart(), plan.frameEnd(),
                plan.requirements(), plan.priority(), plan.scene(), plan.outputDir(), plan.kind(), null, List.of(),
                List.of(), List.of(), index, false, moreTasks);
    }

    @Test
    void farmEndpointReportsQueueDepthPerCapability() {
        given().when().get("/api/v1/farm")
                .then().statusCode(200)
                .body("capability", hasItem("cpu"));
        KafkaTestClient.await(Topics.FARM_STATUS, r -> "cpu".equals(r.key()), WAIT);
    }
}
