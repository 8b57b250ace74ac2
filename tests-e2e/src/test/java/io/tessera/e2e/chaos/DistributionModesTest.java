package io.tessera.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.contracts.DistributionMode;
import io.tessera.e2e.E2eFarm;
import io.tessera.e2e.JobsApi;
import io.tessera.farm.Farm;
import io.tessera.farm.FarmOptions;
import io.tessera.farm.WorkerSpec;
import io.tessera.farm.process.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every distribution mode on the shared farm: assignment is restarted in the mode, and the mode's own simulated CPU
 * workers (one slot, constant 100 ms frames at speed 1, the same mode) replace cpu-1 and cpu-2:
 * <ul>
 *   <li>the idle-worker invariant: next to a worker 400 times slower (40 s per task) a normal worker runs all but at
 *       most two of 24 queued tasks while the slow one is still on its first (with a plain consumer group about
 *       half of them would wait behind the slow worker's partitions, for minutes);</li>
 *   <li>worker leave and join: the slow worker is stopped (SIGTERM: its task is handed back), a worker started
 *       mid-job takes tasks, a worker SIGKILLed mid-job loses none;</li>
 *   <li>in both jobs every task SUCCEEDED and was accepted exactly once, every frame exists exactly once.</li>
 * </ul>
 * Prints per mode how the tasks spread over the workers and how long each job took. Afterwards the farm is put back
 * as the other test classes expect it (assignment in its default mode, cpu-1 and cpu-2 running).
 */
@ExtendWith(E2eFarm.class)
class DistributionModesTest {

    private static final Duration FRAME = Duration.ofMillis(100);
    private static final double SLOW = 0.0025;
    private static final int INVARIANT_TASKS = 24;
    /**
     * Enough work that the job is still running when the worker started after its submission is ready: 200 tasks of
     * 100 ms were done by a lone worker before the joiner was up once the farm got faster (decentralized, 2026-12-08).
     */
    private static final int JOIN_LEAVE_TASKS = 400;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

    @AfterAll
    static void putTheSharedFarmBack() throws Exception {
        ChaosFarm.farm().restartService("assignment", Map.of());
        ChaosFarm.heal();
    }

    @ParameterizedTest
    @EnumSource(DistributionMode.class)
    void queuedWorkNeverWaitsForABusyWorkerAndWorkersJoinAndLeaveWithoutLoss(DistributionMode mode) throws Exception {
        Farm farm = ChaosFarm.farm();
        for (ServiceProcess worker : ChaosFarm.liveCpuWorkers()) {
            worker.stop();
        }
        farm.restartService("assignment", Map.of(FarmOptions.DISTRIBUTION_MODE, mode.id()));
        String slow = "slow-" + mode.id();
        String fast = "fast-" + mode.id();
        String joiner = "joiner-" + mode.id();
        try {
            farm.startWorkers(List.of(WorkerSpec.of(slow, "cpu").withExtraProps(worker(mode, SLOW)),
                    WorkerSpec.of(fast, "cpu").withExtraProps(worker(mode, 1.0))));

            Instant started = Instant.now();
            ChaosJob invariant = ChaosJob.submit("invariant-" + mode.id(), INVARIANT_TASKS, 1, 1);
            invariant.awaitSucceeded(INVARIANT_TASKS - 2, JOB_TIMEOUT);
            Map<String, Integer> taken = takenBy(invariant, "RUNNING", "SUCCEEDED");
            System.out.printf("[%s] idle-worker invariant: %d of %d tasks in %.1f s, taken by %s%n", mode.id(),
                    INVARIANT_TASKS - 2, INVARIANT_TASKS, seconds(started), taken);
            assertTrue(taken.getOrDefault(slow, 0) <= 2, "queued work waited for the busy slow worker while the"
                    + " fast one idled: " + taken);

            farm.retireWorker(slow);
            started = Instant.now();
            ChaosJob joinLeave = ChaosJob.submit("join-leave-" + mode.id(), JOIN_LEAVE_TASKS, 1, 1);
            farm.startWorker(joiner, "cpu", worker(mode, 1.0));
            long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
            while (takenBy(joinLeave, "RUNNING", "SUCCEEDED").getOrDefault(joiner, 0) < 2 && !joinLeave.finished()
                    && System.nanoTime() < deadline) {
                ChaosJob.sleep(200);
            }
            farm.process(fast).kill();
            Instant killed = Instant.now();
            ChaosOutcome outcome = joinLeave.outcome(killed, JOB_TIMEOUT);
            Map<String, Integer> byWorker = takenBy(joinLeave, "SUCCEEDED");
            System.out.printf("[%s] join and leave: %d tasks in %.1f s, by worker %s (slow stopped before, joiner"
                            + " started after submission, fast SIGKILLed mid-job; %.1f s from the kill to the end)%n",
                    mode.id(), JOIN_LEAVE_TASKS, seconds(started), byWorker, outcome.recoverySeconds());
            outcome.assertClean();
            assertTrue(byWorker.getOrDefault(joiner, 0) >= 2, "the worker that joined mid-job took work: " + byWorker);
            invariant.outcome(null, JOB_TIMEOUT).assertClean();
        } finally {
            for (String worker : List.of(slow, fast, joiner)) {
                if (farm.process(worker) != null) {
                    farm.retireWorker(worker);
                }
            }
        }
    }

    private static Map<String, String> worker(DistributionMode mode, double speed) {
        Map<String, String> props = new HashMap<>(ChaosFarm.WORKER_PROPS);
        props.putAll(Map.of(
                FarmOptions.DISTRIBUTION_MODE, mode.id(),
                "tessera.worker.engine", "simulated",
                "tessera.worker.simulated.mean", FRAME.toMillis() + "ms",
                "tessera.worker.simulated.alpha", "0",
                "tessera.worker.simulated.speed-factor", Double.toString(speed),
                "tessera.worker.calibration.enabled", "false"));
        return props;
    }

    /** How many of the job's tasks in one of {@code states} each worker holds or held. */
    private static Map<String, Integer> takenBy(ChaosJob job, String... states) {
        Map<String, Integer> taken = new TreeMap<>();
        JsonNode tasks = job.tasks();
        for (JsonNode task : tasks == null ? JobsApi.JSON.createArrayNode() : tasks) {
            if (List.of(states).contains(task.path("state").asText())) {
                taken.merge(task.path("workerId").asText(), 1, Integer::sum);
            }
        }
        return taken;
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
