package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.DistributionMode;
import io.tessera.contracts.Topics;
import io.tessera.farm.Farm;
import io.tessera.farm.FarmOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every distribution mode on its own farm (real broker, database, services; simulated CPU workers with one slot and
 * constant 100 ms frames at speed 1):
 * <ul>
 *   <li>the idle-worker invariant: next to a worker 400 times slower (40 s per task) a normal worker runs all but at
 *       most two of 24 queued tasks while the slow one is still on its first (with a plain consumer group about
 *       half of them would wait behind the slow worker's partitions, for minutes);</li>
 *   <li>worker leave and join: the slow worker is stopped (SIGTERM: its task is handed back), a worker started
 *       mid-job takes tasks, a worker SIGKILLed mid-job loses none;</li>
 *   <li>in both jobs every task SUCCEEDED and was accepted exactly once, every frame exists exactly once.</li>
 * </ul>
 * Prints per mode how the tasks spread over the workers and how long each job took.
 */
class DistributionModesTest {

    private static final Duration FRAME = Duration.ofMillis(100);
    private static final double SLOW = 0.0025;
    private static final int INVARIANT_TASKS = 24;
    /** Enough work that the job is still running when the worker started after its submission is ready. */
    private static final int JOIN_LEAVE_TASKS = 200;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

    @ParameterizedTest
    @EnumSource(DistributionMode.class)
    void queuedWorkNeverWaitsForABusyWorkerAndWorkersJoinAndLeaveWithoutLoss(DistributionMode mode) throws Exception {
        Path workDir = Files.createTempDirectory("tessera-modes-" + mode.id());
        FarmOptions options = FarmOptions.forTests(Path.of("..").toAbsolutePath().normalize(), workDir)
                .withLeaseTimeout(Duration.ofSeconds(4))
                .withWorkers(List.of())
                .withDistributionMode(mode)
                .withExtraProps("monitoring", Map.of("tessera.monitoring.lease-check-interval", "500ms"))
                .withExtraProps("provisioning", Map.of("tessera.provisioning.cpu.max", "0",
                        "tessera.provisioning.gpu.max", "0"));
        try (Farm farm = Farm.start(options)) {
            JobsApi api = new JobsApi(farm.submissionUrl());
            farm.startWorker("slow", "cpu", worker(SLOW));
            farm.startWorker("fast", "cpu", worker(1.0));

            Instant started = Instant.now();
            String invariant = submit(api, "invariant-" + mode.id(), INVARIANT_TASKS);
            api.awaitJob(invariant, job -> succeeded(job) >= INVARIANT_TASKS - 2, JOB_TIMEOUT,
                    "all but two tasks done (the slow worker's 40 s task holds the rest back if work waits for it)");
            Map<String, Integer> taken = takenBy(api, invariant);
            System.out.printf("[%s] idle-worker invariant: %d of %d tasks in %.1f s, taken by %s%n", mode.id(),
                    INVARIANT_TASKS - 2, INVARIANT_TASKS, Duration.between(started, Instant.now()).toMillis() / 1000.0,
                    taken);
            assertTrue(taken.getOrDefault("slow", 0) <= 2, "queued work waited for the busy slow worker while the"
                    + " fast one idled: " + taken);

            farm.process("slow").stop();
            started = Instant.now();
            String joinLeave = submit(api, "join-leave-" + mode.id(), JOIN_LEAVE_TASKS);
            farm.startWorker("joiner", "cpu", worker(1.0));
            api.awaitJob(joinLeave, job -> takenBy(api, joinLeave).getOrDefault("joiner", 0) >= 2 || terminal(job),
                    JOB_TIMEOUT, "two tasks taken by the worker that joined");
            farm.process("fast").kill();
            Map<String, Integer> byWorker = assertEveryTaskOnce(api, farm, joinLeave, JOIN_LEAVE_TASKS);
            System.out.printf("[%s] join and leave: %d tasks in %.1f s, by worker %s (slow stopped before, joiner"
                            + " started after submission, fast SIGKILLed mid-job)%n", mode.id(), JOIN_LEAVE_TASKS,
                    Duration.between(started, Instant.now()).toMillis() / 1000.0, byWorker);
            assertTrue(byWorker.getOrDefault("joiner", 0) >= 2, "the worker that joined mid-job took work: " + byWorker);
            assertEveryTaskOnce(api, farm, invariant, INVARIANT_TASKS);
        }
    }

    private static Map<String, String> worker(double speed) {
        return Map.of(
                "tessera.worker.engine", "simulated",
                "tessera.worker.simulated.mean", FRAME.toMillis() + "ms",
                "tessera.worker.simulated.alpha", "0",
                "tessera.worker.simulated.speed-factor", Double.toString(speed),
                "tessera.worker.calibration.enabled", "false",
                "tessera.worker.heartbeat-interval", "1s");
    }

    private static String submit(JobsApi api, String name, int frames) {
        ObjectNode job = JobsApi.demoJob(name, "cpu", 1, frames, 1, 16, 16);
        ((ObjectNode) job.get("scene").get("animation")).put("frameEnd", frames);
        JobsApi.Response created = api.submit(job);
        assertEquals(201, created.status(), created.body());
        return created.json().path("jobId").asText();
    }

    private static boolean terminal(JsonNode job) {
        return Set.of("COMPLETED", "FAILED", "CANCELLED").contains(job.path("state").asText());
    }

    /** The job's tasks once none is QUEUED or RUNNING any more (the REST read model trails monitoring a little). */
    private static JsonNode settledTasks(JobsApi api, String jobId) {
        JsonNode tasks = api.tasks(jobId);
        for (int i = 0; i < 120 && unsettled(tasks); i++) {
            JobsApi.sleep(250);
            tasks = api.tasks(jobId);
        }
        return tasks;
    }

    private static boolean unsettled(JsonNode tasks) {
        for (JsonNode task : tasks) {
            if (Set.of("QUEUED", "RUNNING", "WAITING").contains(task.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    private static int succeeded(JsonNode job) {
        return job.path("progress").path("tasksByState").path("SUCCEEDED").asInt(0);
    }

    /** How many of the job's tasks each worker runs or ran (RUNNING or SUCCEEDED). */
    private static Map<String, Integer> takenBy(JobsApi api, String jobId) {
        Map<String, Integer> taken = new TreeMap<>();
        for (JsonNode task : api.tasks(jobId)) {
            String state = task.path("state").asText();
            if ("RUNNING".equals(state) || "SUCCEEDED".equals(state)) {
                taken.merge(task.path("workerId").asText(), 1, Integer::sum);
            }
        }
        return taken;
    }

    /**
     * Waits for the job to complete and checks it as a studio would: every task SUCCEEDED, each accepted once (one
     * SUCCEEDED status change per task on farm.job-status.v1), one file per frame and nothing else in the output
     * directory. Returns how many tasks each worker ran.
     */
    private static Map<String, Integer> assertEveryTaskOnce(JobsApi api, Farm farm, String jobId, int frames)
            throws IOException {
        JsonNode job = api.awaitTerminal(jobId, JOB_TIMEOUT);
        assertEquals("COMPLETED", job.path("state").asText(), job.toString());
        Map<String, Integer> byWorker = new TreeMap<>();
        List<String> notSucceeded = new ArrayList<>();
        JsonNode tasks = settledTasks(api, jobId);
        for (JsonNode task : tasks) {
            if ("SUCCEEDED".equals(task.path("state").asText())) {
                byWorker.merge(task.path("workerId").asText(), 1, Integer::sum);
            } else {
                notSucceeded.add(task.path("taskId").asText() + " " + task.path("state").asText());
            }
        }
        assertEquals(frames, tasks.size(), "tasks of the job");
        assertEquals(List.of(), notSucceeded, "tasks not SUCCEEDED");

        Map<String, Set<Long>> accepted = new HashMap<>();
        for (ConsumerRecord<String, String> record : TopicReader.await(farm.bootstrapServers(), Topics.JOB_STATUS,
                r -> jobId.equals(r.key()), Integer.MAX_VALUE, Duration.ofSeconds(5))) {
            JsonNode data = JobsApi.read(record.value());
            if ("io.tessera.TaskStatusChanged".equals(TopicReader.header(record, "ce_type"))
                    && "SUCCEEDED".equals(data.path("state").asText())) {
                accepted.computeIfAbsent(data.path("taskId").asText(), t -> new HashSet<>())
                        .add(data.path("version").asLong());
            }
        }
        assertEquals(frames, accepted.size(), "tasks accepted");
        accepted.forEach((task, versions) -> assertEquals(1, versions.size(), task + " accepted " + versions));

        Path outputDir = Path.of(api.job(jobId).path("outputDir").asText());
        Set<String> expected = new TreeSet<>();
        for (int frame = 1; frame <= frames; frame++) {
            expected.add(String.format("frame_%04d.png", frame));
        }
        Set<String> entries = new TreeSet<>();
        try (Stream<Path> list = Files.list(outputDir)) {
            list.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".staging")).forEach(entries::add);
        }
        assertEquals(expected, entries, "every frame exactly once and nothing else in " + outputDir);
        return byWorker;
    }
}
