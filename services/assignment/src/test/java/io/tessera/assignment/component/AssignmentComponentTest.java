package io.tessera.assignment.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.workers.GpuInfo;
import io.tessera.contracts.workers.WorkerHeartbeat;
import io.tessera.farm.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class AssignmentComponentTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private static TaskPlanned task(String jobId, Capability capability) {
        return task(jobId, new Requirements(capability, null, null));
    }

    private static TaskPlanned task(String jobId, Requirements requirements) {
        return new TaskPlanned(jobId + "-t00000", jobId, 0, 1, 1, 2, requirements, 50, "{}", "/out/" + jobId);
    }

    private static void plan(TaskPlanned task) {
        KafkaTestClient.produce(EventEnvelope.of("task:" + task.taskId() + ":planned", "/tessera/segmentation", task)
                .toRecord(Topics.TASKS_PLANNED, task.jobId()));
    }

    private static List<ConsumerRecord<String, String>> dispatched(String topic, String taskId, Duration timeout) {
        return KafkaTestClient.read(topic, r -> taskId.equals(r.key()), 1, timeout, SETTLE);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return EventEnvelope.header(record.headers(), name);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void tasksGoOnlyToTheTopicOfTheirCapability() {
        TaskPlanned cpu = task("job-" + UUID.randomUUID(), Capability.CPU);
        // no worker has 1024 cores: the gpu task is unplaceable, yet dispatched
        TaskPlanned gpu = task("job-" + UUID.randomUUID(), new Requirements(Capability.GPU, 1024, null));
        plan(cpu);
        plan(gpu);

        List<ConsumerRecord<String, String>> onCpu = dispatched(Topics.TASKS_CPU, cpu.taskId(), TIMEOUT);
        List<ConsumerRecord<String, String>> onGpu = dispatched(Topics.TASKS_GPU, gpu.taskId(), TIMEOUT);
        assertEquals(1, onCpu.size(), "cpu task on the cpu topic");
        assertEquals(1, onGpu.size(), "gpu task on the gpu topic");
        assertTrue(dispatched(Topics.TASKS_GPU, cpu.taskId(), Duration.ZERO).isEmpty(), "cpu task not on gpu topic");
        assertTrue(dispatched(Topics.TASKS_CPU, gpu.taskId(), Duration.ZERO).isEmpty(), "gpu task not on cpu topic");

        for (var pair : List.of(Map.entry(cpu, onCpu.get(0)), Map.entry(gpu, onGpu.get(0)))) {
            ConsumerRecord<String, String> record = pair.getValue();
            TaskDispatched event = Json.read(record.value(), TaskDispatched.class);
            assertEquals(pair.getKey().taskId(), record.key());
            assertEquals("task:" + pair.getKey().taskId() + ":1:dispatched", header(record, CloudEventHeaders.ID));
            assertEquals("io.tessera.TaskDispatched", header(record, CloudEventHeaders.TYPE));
            assertEquals("/tessera/assignment", header(record, CloudEventHeaders.SOURCE));
            assertEquals(pair.getKey().taskId(), header(record, CloudEventHeaders.SUBJECT));
            assertEquals(1, event.attempt());
            assertEquals(pair.getKey(), event.task());
            assertNotNull(event.dispatchedAt());
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tessera_tasks_dispatched_total{capability=\"gpu\"}"))
                .body(containsString("tessera_tasks_unplaceable_total{capability=\"gpu\"}"));
    }

    @Test
    void heartbeatsFillTheWorkerRegistry() throws InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        beat(new WorkerHeartbeat("cpu-" + suffix, Capability.CPU, 4, 3, 8, 16_000, List.of(), "none", List.of(),
                "host-a", 11, "RUNNING", now));
        beat(new WorkerHeartbeat("gpu-" + suffix, Capability.GPU, 2, 2, 16, 64_000,
                List.of(new GpuInfo("RTX 4090", 24_564), new GpuInfo("RTX 4090", 24_564)), "simulated", List.of(),
                "host-b", 12, "RUNNING", now));
        beat(new WorkerHeartbeat("old-" + suffix, Capability.GPU, 1, 1, 4, 8_000, List.of(), "none", List.of(),
                "host-c", 13, "RUNNING", now.minusSeconds(60)));
        beat(new WorkerHeartbeat("stop-" + suffix, Capability.CPU, 1, 0, 4, 8_000, List.of(), "none", List.of(),
                "host-d", 14, "STOPPING", now));

        await("four workers registered", () -> given().get("/api/v1/workers").then().extract().jsonPath()
                .getList("findAll { it.workerId.endsWith('" + suffix + "') }").size() == 4);

        JsonPath all = given().get("/api/v1/workers").then().statusCode(200).extract().jsonPath();
        String gpuWorker = "find { it.workerId == 'gpu-" + suffix + "' }";
        assertEquals("gpu", all.getString(gpuWorker + ".capability"));
        assertEquals(List.of("RTX 4090", "RTX 4090"), all.getList(gpuWorker + ".gpus.model"));
        assertEquals(24_564, all.getInt(gpuWorker + ".gpus[0].memoryMb"));
        assertEquals("simulated", all.getString(gpuWorker + ".gpuSource"));
        assertEquals(2, all.getInt(gpuWorker + ".freeSlots"));
        assertTrue(all.getBoolean(gpuWorker + ".live"));
        assertTrue(all.getBoolean("find { it.workerId == 'cpu-" + suffix + "' }.live"));
        assertEquals(3, all.getInt("find { it.workerId == 'cpu-" + suffix + "' }.freeSlots"));
        assertFalse(all.getBoolean("find { it.workerId == 'old-" + suffix + "' }.live"), "silent for 60s");
        assertFalse(all.getBoolean("find { it.workerId == 'stop-" + suffix + "' }.live"), "stopping");

        List<String> gpuOnly = given().queryParam("capability", "gpu").get("/api/v1/workers").then().statusCode(200)
                .extract().jsonPath().getList("capability");
        assertFalse(gpuOnly.isEmpty());
        assertTrue(gpuOnly.stream().allMatch("gpu"::equals), gpuOnly.toString());

        given().queryParam("capability", "tpu").get("/api/v1/workers").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("capability: must be one of"));

        await("live gpu gauge", () -> given().get("/q/metrics").then().extract().asString()
                .matches("(?s).*tessera_workers_live\\{capability=\"gpu\"} [1-9].*"));
        given().get("/q/metrics").then().body(containsString("tessera_worker_slots_free{capability=\"gpu\"}"));
    }

    @Test
    void tasksOfACancelledJobAreNeverDispatched() throws Exception {
        String jobId = "job-" + UUID.randomUUID();
        KafkaTestClient.produce(EventEnvelope.of("job:" + jobId + ":cancelled", "/tessera/submission",
                new JobCancelled(jobId, "studio changed its mind", Instant.now())).toRecord(Topics.JOBS, jobId));
        await("cancellation recorded", () -> cancelled(jobId));

        TaskPlanned task = task(jobId, Capability.CPU);
        plan(task);
        await("task skipped", () -> given().get("/q/metrics").then().extract().asString()
                .contains("tessera_tasks_skipped_total{capability=\"cpu\",reason=\"job-cancelled\"}"));

        assertTrue(dispatched(Topics.TASKS_CPU, task.taskId(), Duration.ZERO).isEmpty(), "not dispatched");
        assertTrue(dispatched(Topics.TASKS_GPU, task.taskId(), Duration.ZERO).isEmpty(), "not dispatched");
    }

    @Test
    void garbageIsDeadLetteredAndTheConsumerContinues() {
        String jobId = "job-" + UUID.randomUUID();
        KafkaTestClient.produce(new ProducerRecord<>(Topics.TASKS_PLANNED, jobId, "{not json"));
        TaskPlanned task = task(jobId, Capability.CPU);
        plan(task);

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.TASKS_PLANNED),
                r -> jobId.equals(r.key()), 1, TIMEOUT, Duration.ZERO);
        assertEquals(1, dead.size());
        assertEquals("{not json", dead.get(0).value());
        String reason = header(dead.get(0), CloudEventHeaders.DEAD_LETTER_REASON);
        assertNotNull(reason);
        assertTrue(reason.contains("ce_id: header is required"), reason);

        assertEquals(1, dispatched(Topics.TASKS_CPU, task.taskId(), TIMEOUT).size(), "next task still dispatched");
    }

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
    }

    private static void beat(WorkerHeartbeat beat) {
        KafkaTestClient.produce(EventEnvelope.of(UUID.randomUUID().toString(), "/tessera/worker", beat)
                .toRecord(Topics.WORKERS, beat.workerId()));
    }

    private static boolean cancelled(String jobId) {
        try (Connection connection = DriverManager.getConnection(RealInfrastructure.shared().jdbcUrl(), "tessera",
                "tessera");
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from assignment.cancelled_job where job_id = ?")) {
            query.setString(1, jobId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
