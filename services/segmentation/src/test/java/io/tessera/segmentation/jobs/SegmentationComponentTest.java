package io.tessera.segmentation.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class SegmentationComponentTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static JobSubmitted job(String jobId, int start, int end, int chunk) {
        return new JobSubmitted(jobId, "req-" + jobId, "shot", "studio-a", "{\"camera\":{}}", start, end, chunk,
                "/farm/out/" + jobId, 60, new Requirements(Capability.CPU, 2, null), Instant.now());
    }

    private static void submit(JobSubmitted job) {
        KafkaTestClient.produce(EventEnvelope.of("job:" + job.jobId() + ":submitted", "/tessera/submission", job)
                .toRecord(Topics.JOBS, job.jobId()));
    }

    private static List<ConsumerRecord<String, String>> plannedTasksOf(String jobId, int expected, Duration settle) {
        return KafkaTestClient.read(Topics.TASKS_PLANNED, r -> jobId.equals(r.key()), expected, TIMEOUT, settle)
                .stream().sorted(Comparator.comparing(r -> EventEnvelope.header(r.headers(), CloudEventHeaders.ID)))
                .toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return EventEnvelope.header(record.headers(), name);
    }

    @Test
    void submittedJobIsCutIntoExactlyItsTasks() {
        String jobId = "job-" + UUID.randomUUID();
        submit(job(jobId, 1, 10, 4));

        List<ConsumerRecord<String, String>> records = plannedTasksOf(jobId, 3, Duration.ofSeconds(1));

        assertEquals(3, records.size(), "exactly three TaskPlanned records");
        int[][] ranges = {{1, 4}, {5, 8}, {9, 10}};
        for (int i = 0; i < 3; i++) {
            ConsumerRecord<String, String> record = records.get(i);
            String taskId = String.format("%s-t%05d", jobId, i);
            TaskPlanned task = Json.read(record.value(), TaskPlanned.class);
            assertEquals(jobId, record.key());
            assertEquals("task:" + taskId + ":planned", header(record, CloudEventHeaders.ID));
            assertEquals("io.tessera.TaskPlanned", header(record, CloudEventHeaders.TYPE));
            assertEquals("/tessera/segmentation", header(record, CloudEventHeaders.SOURCE));
            assertEquals(taskId, header(record, CloudEventHeaders.SUBJECT));
            assertEquals("1.0", header(record, CloudEventHeaders.SPEC_VERSION));
            assertEquals(taskId, task.taskId());
            assertEquals(i, task.index());
            assertEquals(3, task.taskCount());
            assertEquals(ranges[i][0], task.frameStart());
            assertEquals(ranges[i][1], task.frameEnd());
            assertEquals("/farm/out/" + jobId, task.outputDir());
            assertEquals("{\"camera\":{}}", task.scene());
            assertEquals(new Requirements(Capability.CPU, 2, null), task.requirements());
            assertEquals(60, task.priority());
        }
    }

    @Test
    void redeliveredJobRepublishesTheSameTaskIds() {
        String jobId = "job-" + UUID.randomUUID();
        submit(job(jobId, 0, 1, 1));
        submit(job(jobId, 0, 1, 1));

        List<ConsumerRecord<String, String>> records = plannedTasksOf(jobId, 4, Duration.ofSeconds(1));

        assertEquals(List.of("task:" + jobId + "-t00000:planned", "task:" + jobId + "-t00000:planned",
                        "task:" + jobId + "-t00001:planned", "task:" + jobId + "-t00001:planned"),
                records.stream().map(r -> header(r, CloudEventHeaders.ID)).toList());
    }

    @Test
    void otherJobEventsAreIgnored() {
        String jobId = "job-" + UUID.randomUUID();
        KafkaTestClient.produce(EventEnvelope.of("job:" + jobId + ":cancelled", "/tessera/submission",
                new JobCancelled(jobId, "changed my mind", Instant.now())).toRecord(Topics.JOBS, jobId));
        submit(job(jobId, 5, 5, 1));

        List<ConsumerRecord<String, String>> records = plannedTasksOf(jobId, 1, Duration.ofSeconds(1));
        assertEquals(1, records.size());
        assertTrue(KafkaTestClient.read(Topics.dlq(Topics.JOBS), r -> jobId.equals(r.key()), 1,
                Duration.ofSeconds(2), Duration.ZERO).isEmpty(), "a JobCancelled is not dead-lettered");
    }

    @Test
    void aJobCancelledWithoutJobIdIsDeadLetteredNamingTheField() {
        String key = "no-job-id-" + UUID.randomUUID();
        KafkaTestClient.produce(EventEnvelope.of("job:" + key + ":cancelled", "/tessera/submission",
                new JobCancelled(null, "no id", Instant.now())).toRecord(Topics.JOBS, key));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.JOBS),
                r -> key.equals(r.key()), 1, TIMEOUT, Duration.ZERO);
        assertEquals(1, dead.size());
        assertEquals("jobId: is required", header(dead.get(0), CloudEventHeaders.DEAD_LETTER_REASON));
    }

    @Test
    void garbageIsDeadLetteredAndTheNextJobIsStillSegmented() {
        String jobId = "job-" + UUID.randomUUID();
        KafkaTestClient.produce(new ProducerRecord<>(Topics.JOBS, jobId, "this is not an event"));
        submit(job(jobId, 1, 2, 2));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.JOBS),
                r -> jobId.equals(r.key()), 1, TIMEOUT, Duration.ZERO);
        assertEquals(1, dead.size());
        assertEquals("this is not an event", dead.get(0).value());
        String reason = header(dead.get(0), CloudEventHeaders.DEAD_LETTER_REASON);
        assertNotNull(reason);
        assertTrue(reason.contains("ce_id: header is required"), reason);

        List<ConsumerRecord<String, String>> records = plannedTasksOf(jobId, 1, Duration.ZERO);
        assertEquals(1, records.size());
        assertEquals("task:" + jobId + "-t00000:planned", header(records.get(0), CloudEventHeaders.ID));
    }

    @Test
    void invalidJobIsDeadLetteredWithTheFieldAndRule() {
        String jobId = "job-" + UUID.randomUUID();
        submit(job(jobId, 1, 10, 0));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.JOBS),
                r -> jobId.equals(r.key()), 1, TIMEOUT, Duration.ZERO);
        assertEquals(1, dead.size());
        assertTrue(header(dead.get(0), CloudEventHeaders.DEAD_LETTER_REASON)
                .contains("chunkSize: must be at least 1, was 0"), header(dead.get(0), "dead-letter-reason"));
        // a valid job behind it on the same partition: once that one is planned, anything planned for the invalid
        // job would be on the topic already
        JobSubmitted marker = job("marker-" + UUID.randomUUID(), 1, 1, 1);
        KafkaTestClient.produce(EventEnvelope.of("job:" + marker.jobId() + ":submitted", "/tessera/submission",
                marker).toRecord(Topics.JOBS, jobId));
        assertEquals(1, plannedTasksOf(marker.jobId(), 1, Duration.ZERO).size());
        assertTrue(KafkaTestClient.read(Topics.TASKS_PLANNED, r -> jobId.equals(r.key()), 1, Duration.ofSeconds(1),
                Duration.ZERO).isEmpty(), "an invalid job plans no task");
    }

    @Test
    void metricsAndReadinessAreExposed() {
        String jobId = "job-" + UUID.randomUUID();
        submit(job(jobId, 1, 1, 1));
        assertEquals(1, plannedTasksOf(jobId, 1, Duration.ZERO).size());

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("tessera_tasks_planned_total"))
                .body(containsString("tessera_jobs_segmented_total"));
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
    }
}
