package io.tessera.segmentation.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.AutoChunk;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * autoChunk jobs on the real broker and database: a probe first, the remaining frames planned from the probe's
 * measured time (through the outbox), redelivered completions planning nothing, history skipping the probe.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class AutoChunkComponentTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(2);

    /** A scene of its own per test, so history of other tests never applies. */
    private static String scene() {
        return "{\"width\":320,\"height\":180,\"name\":\"" + UUID.randomUUID() + "\"}";
    }

    private static JobSubmitted job(String scene, int start, int end, int targetSeconds) {
        String jobId = "job-" + UUID.randomUUID();
        return new JobSubmitted(jobId, "req-" + jobId, "shot", "acme", scene, start, end, 1, "/farm/out/" + jobId, 55,
                new Requirements(Capability.CPU, null, null), Instant.now(), Strategy.FRAMES, null, List.of(),
                new AutoChunk(targetSeconds), List.of(), false);
    }

    private static void submit(JobSubmitted job) {
        KafkaTestClient.produce(EventEnvelope.of("job:" + job.jobId() + ":submitted", "/tessera/submission", job)
                .toRecord(Topics.JOBS, job.jobId()));
    }

    private static void complete(String jobId, int index, int attempt, long renderMillis) {
        complete(jobId, jobId, index, attempt, renderMillis);
    }

    private static void complete(String recordKey, String jobId, int index, int attempt, long renderMillis) {
        String taskId = String.format("%s-t%05d", jobId, index);
        KafkaTestClient.produce(Topics.TASK_EVENTS, recordKey, "task:" + taskId + ":" + attempt + ":completed",
                new TaskCompleted(taskId, jobId, attempt, "cpu-1", List.of(), renderMillis, Instant.now()));
    }

    /**
     * Returns once segmentation processed every task event produced so far with record key {@code key}: a marker
     * job's probe completion is produced behind them on the same partition, and its next wave is awaited.
     */
    private static void processedTaskEventsOf(String key) {
        JobSubmitted marker = job(scene(), 1, 2, 1);
        submit(marker);
        assertEquals(1, planned(marker.jobId(), 1).size());
        complete(key, marker.jobId(), 0, 1, 100);
        assertEquals(2, planned(marker.jobId(), 2).size());
    }

    /**
     * The job's TaskPlanned records, by index: waits for {@code expected} of them, then keeps reading for a while, so
     * a record beyond the expected ones (a wave planned twice) is caught too.
     */
    private static List<TaskPlanned> planned(String jobId, int expected) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.TASKS_PLANNED,
                r -> jobId.equals(r.key()), expected, TIMEOUT, SETTLE);
        for (ConsumerRecord<String, String> record : records) {
            TaskPlanned task = Json.read(record.value(), TaskPlanned.class);
            assertEquals("task:" + task.taskId() + ":planned", KafkaTestClient.header(record, CloudEventHeaders.ID));
            assertEquals("/tessera/segmentation", KafkaTestClient.header(record, CloudEventHeaders.SOURCE));
        }
        return records.stream().map(r -> Json.read(r.value(), TaskPlanned.class))
                .sorted(Comparator.comparingInt(TaskPlanned::index)).toList();
    }

    private static String frames(List<TaskPlanned> tasks) {
        return String.join(" ", tasks.stream().map(t -> t.frameStart() + "-" + t.frameEnd()).toList());
    }

    @Test
    void theProbesTimeSizesTheRemainingFramesAndARedeliveryPlansNothing() {
        JobSubmitted job = job(scene(), 1, 20, 2);
        submit(job);

        List<TaskPlanned> probe = planned(job.jobId(), 1);
        assertEquals(1, probe.size(), "only the probe before any timing: " + frames(probe));
        assertEquals("1-1", frames(probe));
        assertEquals(1, probe.get(0).taskCount());
        assertTrue(probe.get(0).moreTasks(), "the probe announces more tasks");
        assertEquals("chunk", probe.get(0).part());

        complete(job.jobId(), 0, 1, 400); // 400 ms per frame, target 2 s: chunks of 5; 19 frames fit in 4 chunks
        List<TaskPlanned> all = planned(job.jobId(), 5);
        assertEquals("1-1 2-6 7-11 12-16 17-20", frames(all));
        List<TaskPlanned> wave = all.subList(1, 5);
        assertTrue(wave.stream().allMatch(t -> !t.moreTasks() && t.taskCount() == 5), "the last wave: " + wave);
        assertEquals(List.of(1, 2, 3, 4), wave.stream().map(TaskPlanned::index).toList());

        complete(job.jobId(), 0, 1, 400); // the same event again (same ce_id)
        complete(job.jobId(), 0, 2, 900); // another attempt of the probe completing
        complete(job.jobId(), 1, 1, 1000); // a task of the last wave
        processedTaskEventsOf(job.jobId());
        assertEquals(5, planned(job.jobId(), 5).size(), "redeliveries and later completions plan nothing new");
    }

    @Test
    void wavesFollowTheMeasuredAverageUntilTheLastWaveSaysNoMoreTasks() {
        JobSubmitted job = job(scene(), 1, 48, 2);
        submit(job);
        assertEquals(1, planned(job.jobId(), 1).size());

        complete(job.jobId(), 0, 1, 400);
        List<TaskPlanned> first = planned(job.jobId(), 6);
        assertEquals("1-1 2-6 7-11 12-16 17-21 22-26", frames(first), "half the remaining 47 frames in chunks of 5");
        assertTrue(first.stream().allMatch(TaskPlanned::moreTasks));
        assertTrue(first.subList(1, 6).stream().allMatch(t -> t.taskCount() == 6));

        complete(job.jobId(), 3, 1, 500); // (400 + 500) ms over 6 frames = 150 ms per frame: chunks of 13
        List<TaskPlanned> all = planned(job.jobId(), 8);
        assertEquals("1-1 2-6 7-11 12-16 17-21 22-26 27-39 40-48", frames(all));
        assertTrue(all.subList(6, 8).stream().allMatch(t -> !t.moreTasks() && t.taskCount() == 8));

        complete(job.jobId(), 4, 1, 500); // a second completion of wave 1: the next wave is planned already
        processedTaskEventsOf(job.jobId());
        assertEquals(8, planned(job.jobId(), 8).size());
    }

    @Test
    void aSecondJobOfTheSameSceneSkipsTheProbe() {
        String scene = scene();
        JobSubmitted first = job(scene, 1, 10, 2);
        submit(first);
        assertEquals(1, planned(first.jobId(), 1).size());
        complete(first.jobId(), 0, 1, 250); // history: 250 ms per frame
        assertEquals("1-1 2-9 10-10", frames(planned(first.jobId(), 3)), "recorded with the first job's next wave");

        JobSubmitted second = job(scene.replace(",", ", "), 100, 123, 2); // same scene, other formatting
        submit(second);
        List<TaskPlanned> tasks = planned(second.jobId(), 3);
        assertEquals("100-107 108-115 116-123", frames(tasks), "chunks of 8 (2 s at 250 ms) straight away");
        assertTrue(tasks.stream().noneMatch(TaskPlanned::moreTasks));

        JobSubmitted gpu = new JobSubmitted("job-" + UUID.randomUUID(), "req-gpu", "shot", "acme", scene, 1, 24, 1,
                "/farm/out/gpu", 55, new Requirements(Capability.GPU, null, null), Instant.now(), Strategy.FRAMES,
                null, List.of(), new AutoChunk(2), List.of(), false);
        submit(gpu);
        List<TaskPlanned> probe = planned(gpu.jobId(), 1);
        assertEquals("1-1", frames(probe), "history is per capability: a GPU job probes");
    }

    @Test
    void aRedeliveredJobSubmittedPlansNothingAgainAndACancelledJobGetsNoFurtherWave() {
        JobSubmitted job = job(scene(), 1, 30, 1);
        submit(job);
        submit(job);
        assertEquals(1, planned(job.jobId(), 1).size(), "one probe for two deliveries");

        KafkaTestClient.produce(EventEnvelope.of("job:" + job.jobId() + ":cancelled", "/tessera/submission",
                new JobCancelled(job.jobId(), "cancelled by user", Instant.now())).toRecord(Topics.JOBS, job.jobId()));
        // a job record behind the cancel on the same partition: once it is planned, the cancel was applied
        JobSubmitted marker = new JobSubmitted("marker-" + UUID.randomUUID(), "req-m", "m", "acme", scene(), 1, 1, 1,
                "/farm/out/m", 50, new Requirements(Capability.CPU, null, null), Instant.now());
        KafkaTestClient.produce(EventEnvelope.of("job:" + marker.jobId() + ":submitted", "/tessera/submission",
                marker).toRecord(Topics.JOBS, job.jobId()));
        assertEquals(1, planned(marker.jobId(), 1).size());
        complete(job.jobId(), 0, 1, 100);
        processedTaskEventsOf(job.jobId());
        List<TaskPlanned> tasks = planned(job.jobId(), 1);
        assertEquals(1, tasks.size(), "no wave after the cancel: " + frames(tasks));
        assertFalse(KafkaTestClient.read(Topics.dlq(Topics.TASK_EVENTS), r -> job.jobId().equals(r.key()), 1,
                Duration.ofSeconds(1)).size() > 0, "nothing dead-lettered");
    }

    @Test
    void anAutoChunkJobOfAnotherStrategyIsDeadLetteredNamingTheField() {
        String jobId = "job-" + UUID.randomUUID();
        JobSubmitted tiles = new JobSubmitted(jobId, "req", "still", "acme", scene(), 1, 1, 1, "/farm/out/t", 50,
                new Requirements(Capability.CPU, null, null), Instant.now(), Strategy.TILES,
                new io.tessera.contracts.jobs.TileGrid(2, 2, null, null), List.of(), new AutoChunk(5), List.of(),
                false);
        submit(tiles);
        ConsumerRecord<String, String> dead = KafkaTestClient.await(Topics.dlq(Topics.JOBS),
                r -> jobId.equals(r.key()), TIMEOUT);
        assertEquals("autoChunk: is only allowed with strategy frames, was tiles",
                KafkaTestClient.header(dead, CloudEventHeaders.DEAD_LETTER_REASON));
        // a valid job behind it on the same partition: once that one is planned, anything planned for the rejected
        // job would be on the topic already
        JobSubmitted marker = job(scene(), 1, 1, 1);
        KafkaTestClient.produce(EventEnvelope.of("job:" + marker.jobId() + ":submitted", "/tessera/submission",
                marker).toRecord(Topics.JOBS, jobId));
        assertEquals(1, planned(marker.jobId(), 1).size());
        assertTrue(KafkaTestClient.read(Topics.TASKS_PLANNED, r -> jobId.equals(r.key()), 1, Duration.ofSeconds(1),
                Duration.ZERO).isEmpty(), "a rejected job plans no task");
    }
}
