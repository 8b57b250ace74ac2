package io.tessera.assignment.component;

import static io.restassured.RestAssured.given;
import static io.tessera.assignment.component.Fixtures.TIMEOUT;
import static io.tessera.assignment.component.Fixtures.UNPLACEABLE_CORES;
import static io.tessera.assignment.component.Fixtures.await;
import static io.tessera.assignment.component.Fixtures.beat;
import static io.tessera.assignment.component.Fixtures.dispatched;
import static io.tessera.assignment.component.Fixtures.header;
import static io.tessera.assignment.component.Fixtures.newJob;
import static io.tessera.assignment.component.Fixtures.pending;
import static io.tessera.assignment.component.Fixtures.ready;
import static io.tessera.assignment.component.Fixtures.task;
import static io.tessera.assignment.component.Fixtures.worker;
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
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.tasks.TaskStarted;
import io.tessera.contracts.tasks.TasksWithdrawn;
import io.tessera.contracts.workers.GpuInfo;
import io.tessera.contracts.workers.WorkerHeartbeat;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class AssignmentComponentTest {

    @Test
    void tasksGoOnlyToTheTopicOfTheirCapabilityOnTheChosenWorkersPartition() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // core counts no other test uses: only these workers can take these tasks
        WorkerHeartbeat cpuWorker = worker("cpu-" + suffix, Capability.CPU, 1, 8192, 2.0, List.of(4), "RUNNING");
        WorkerHeartbeat gpuWorker = worker("gpu-" + suffix, Capability.GPU, 1, 4096, 2.0, List.of(9), "RUNNING");
        beat(cpuWorker);
        beat(gpuWorker);
        await("workers registered", () -> Fixtures.workerRegistered(cpuWorker.workerId(), 2.0)
                && Fixtures.workerRegistered(gpuWorker.workerId(), 2.0));
        TaskPlanned cpu = task(newJob(), Capability.CPU, 8192, 50);
        TaskPlanned gpu = task(newJob(), Capability.GPU, 4096, 50);
        ready(cpu, 1);
        ready(gpu, 1);

        List<ConsumerRecord<String, String>> onCpu = dispatched(Topics.TASKS_CPU, cpu.taskId(), TIMEOUT);
        List<ConsumerRecord<String, String>> onGpu = dispatched(Topics.TASKS_GPU, gpu.taskId(), TIMEOUT);
        assertEquals(1, onCpu.size(), "cpu task on the cpu topic, once");
        assertEquals(1, onGpu.size(), "gpu task on the gpu topic, once");
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
        assertEquals(4, onCpu.get(0).partition());
        assertEquals(cpuWorker.workerId(), Json.read(onCpu.get(0).value(), TaskDispatched.class).assignedWorker());
        assertEquals(9, onGpu.get(0).partition());
        assertEquals(gpuWorker.workerId(), Json.read(onGpu.get(0).value(), TaskDispatched.class).assignedWorker());

        beat(worker(cpuWorker.workerId(), Capability.CPU, 1, 8192, 2.0, List.of(4), "STOPPING"));
        beat(worker(gpuWorker.workerId(), Capability.GPU, 1, 4096, 2.0, List.of(9), "STOPPING"));
    }

    @Test
    void aTaskNoLiveWorkerCanRunStaysQueuedAndIsCounted() throws Exception {
        TaskPlanned task = task(newJob(), Capability.GPU, UNPLACEABLE_CORES, 50);
        ready(task, 1);
        await("queued", () -> pending(task.taskId()).equals(List.of("1")));
        await("unplaceable counted and queue depth shown", () -> {
            String metrics = given().get("/q/metrics").then().extract().asString();
            return metrics.contains("tessera_tasks_unplaceable_total{capability=\"gpu\"}")
                    && metrics.matches("(?s).*tessera_queue_depth\\{capability=\"gpu\"} [1-9].*");
        });
        assertTrue(dispatched(Topics.TASKS_GPU, task.taskId(), Duration.ZERO).isEmpty(), "never dispatched");
    }

    @Test
    void onlyTheNewestAttemptOfATaskIsQueued() throws Exception {
        TaskPlanned task = task(newJob(), Capability.CPU, UNPLACEABLE_CORES, 50);
        ready(task, 2);
        await("attempt 2 queued", () -> pending(task.taskId()).equals(List.of("2")));
        ready(task, 1);
        ready(task, 2);
        TaskPlanned marker = task(task.jobId() + "-marker", Capability.CPU, UNPLACEABLE_CORES, 50);
        ready(marker, 1);
        await("later record applied", () -> !pending(marker.taskId()).isEmpty());
        assertEquals(List.of("2"), pending(task.taskId()), "an older attempt and a redelivery change nothing");
        ready(task, 3);
        await("attempt 3 replaces attempt 2", () -> pending(task.taskId()).equals(List.of("3")));
    }

    @Test
    void heartbeatsFillTheWorkerRegistry() throws InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        beat(new WorkerHeartbeat("cpu-" + suffix, Capability.CPU, 4, 3, 8, 16_000, List.of(), "none", List.of(),
                "host-a", 11, "RUNNING", now, 2.5, List.of(3, 1, 2)));
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
        String cpuWorker = "find { it.workerId == 'cpu-" + suffix + "' }";
        assertEquals("gpu", all.getString(gpuWorker + ".capability"));
        assertEquals(List.of("RTX 4090", "RTX 4090"), all.getList(gpuWorker + ".gpus.model"));
        assertEquals(24_564, all.getInt(gpuWorker + ".gpus[0].memoryMb"));
        assertEquals("simulated", all.getString(gpuWorker + ".gpuSource"));
        assertEquals(2, all.getInt(gpuWorker + ".freeSlots"));
        assertEquals(0.0, all.getDouble(gpuWorker + ".score"));
        assertEquals(List.of(), all.getList(gpuWorker + ".partitions"));
        assertTrue(all.getBoolean(gpuWorker + ".live"));
        assertTrue(all.getBoolean(cpuWorker + ".live"));
        assertEquals(3, all.getInt(cpuWorker + ".freeSlots"));
        assertEquals(2.5, all.getDouble(cpuWorker + ".score"));
        assertEquals(List.of(1, 2, 3), all.getList(cpuWorker + ".partitions"));
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
        beat(new WorkerHeartbeat("cpu-" + suffix, Capability.CPU, 4, 3, 8, 16_000, List.of(), "none", List.of(),
                "host-a", 11, "STOPPING", Instant.now(), 2.5, List.of(3, 1, 2)));
        beat(new WorkerHeartbeat("gpu-" + suffix, Capability.GPU, 2, 2, 16, 64_000, List.of(), "simulated",
                List.of(), "host-b", 12, "STOPPING", Instant.now()));
    }

    @Test
    void aCancelledJobLosesItsQueuedTasksAndQueuesNoMore() throws Exception {
        String jobId = newJob();
        TaskPlanned queued = task(jobId, Capability.CPU, UNPLACEABLE_CORES, 50);
        ready(queued, 1);
        await("task queued", () -> !pending(queued.taskId()).isEmpty());

        KafkaTestClient.produce(EventEnvelope.of("job:" + jobId + ":cancelled", "/tessera/submission",
                new JobCancelled(jobId, "studio changed its mind", Instant.now())).toRecord(Topics.JOBS, jobId));
        await("queued task dropped", () -> pending(queued.taskId()).isEmpty());
        assertEquals(1, Fixtures.rows("select count(*) from assignment.cancelled_job where job_id = ?", jobId).size());

        TaskPlanned later = new TaskPlanned(jobId + "-t00001", jobId, 1, 2, 3, 4, queued.requirements(), 50, "{}",
                "/out/" + jobId);
        ready(later, 1);
        await("task skipped", () -> given().get("/q/metrics").then().extract().asString()
                .contains("tessera_tasks_skipped_total{capability=\"cpu\",reason=\"job-cancelled\"}"));
        assertTrue(pending(later.taskId()).isEmpty(), "never queued");
        assertTrue(dispatched(Topics.TASKS_CPU, later.taskId(), Duration.ZERO).isEmpty(), "never dispatched");
    }

    @Test
    void aFailedJobsWithdrawnTasksAreDroppedAndItsRetryIsQueuedAgain() throws Exception {
        String jobId = newJob();
        TaskPlanned first = task(jobId, Capability.CPU, UNPLACEABLE_CORES, 50);
        TaskPlanned second = new TaskPlanned(jobId + "-t00001", jobId, 1, 2, 3, 4, first.requirements(), 50, "{}",
                "/out/" + jobId);
        ready(first, 1);
        ready(second, 1);
        await("tasks queued", () -> !pending(first.taskId()).isEmpty() && !pending(second.taskId()).isEmpty());

        String withdrawalId = "job:" + jobId + ":tasks-withdrawn:1";
        TasksWithdrawn withdrawn = new TasksWithdrawn(jobId, "task " + first.taskId() + " failed", Instant.now());
        KafkaTestClient.produce(EventEnvelope.of(withdrawalId, "/tessera/monitoring", withdrawn)
                .toRecord(Topics.TASKS_READY, jobId));
        // the retry's TaskReady follows on the same partition: queued again, after the withdrawal
        ready(first, 2);
        await("retry queued", () -> pending(first.taskId()).equals(List.of("2")));
        assertTrue(pending(second.taskId()).isEmpty(), "the withdrawn task is no longer queued");

        // a redelivered withdrawal changes nothing: the retried attempt stays queued
        KafkaTestClient.produce(EventEnvelope.of(withdrawalId, "/tessera/monitoring", withdrawn)
                .toRecord(Topics.TASKS_READY, jobId));
        TaskPlanned marker = new TaskPlanned(jobId + "-t00002", jobId, 2, 3, 5, 6, first.requirements(), 50, "{}",
                "/out/" + jobId);
        ready(marker, 1);
        await("marker queued behind the redelivery", () -> !pending(marker.taskId()).isEmpty());
        assertEquals(List.of("2"), pending(first.taskId()), "the retry survives a redelivered withdrawal");
    }

    @Test
    void garbageIsDeadLetteredAndTheConsumerContinues() throws Exception {
        String jobId = newJob();
        KafkaTestClient.produce(new ProducerRecord<>(Topics.TASKS_READY, jobId, "{not json"));
        TaskPlanned task = task(jobId, Capability.CPU, UNPLACEABLE_CORES, 50);
        ready(task, 1);

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.TASKS_READY),
                r -> jobId.equals(r.key()), 1, TIMEOUT, Duration.ZERO);
        assertEquals(1, dead.size());
        assertEquals("{not json", dead.get(0).value());
        String reason = header(dead.get(0), CloudEventHeaders.DEAD_LETTER_REASON);
        assertNotNull(reason);
        assertTrue(reason.contains("ce_id: header is required"), reason);
        await("next task still queued", () -> !pending(task.taskId()).isEmpty());

        String taskEventsKey = newJob();
        KafkaTestClient.produce(EventEnvelope.of("bad", "/tessera/worker",
                        new TaskStarted(" ", taskEventsKey, 1, "w", Instant.now()))
                .toRecord(Topics.TASK_EVENTS, taskEventsKey));
        List<ConsumerRecord<String, String>> deadEvent = KafkaTestClient.read(Topics.dlq(Topics.TASK_EVENTS),
                r -> taskEventsKey.equals(r.key()), 1, TIMEOUT, Duration.ZERO);
        assertEquals(1, deadEvent.size());
        assertTrue(header(deadEvent.get(0), CloudEventHeaders.DEAD_LETTER_REASON).contains("taskId: is required"));
    }

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
    }
}
