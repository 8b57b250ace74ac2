package io.tessera.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.e2e.E2eFarm;
import io.tessera.farm.process.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, chaos: a random CPU worker is SIGKILLed every few seconds through a 200-task job and started again
 * each time. Its running task's lease expires and the task is retried; the tasks dispatched to its partitions are
 * taken by the other worker after the rebalance. The job completes with every frame committed exactly once.
 */
@ExtendWith(E2eFarm.class)
class WorkerKillChaosTest {

    private static final int FRAMES = 200;
    private static final int KILLS = 4;
    private static final Duration BETWEEN_KILLS = Duration.ofSeconds(3);

    @AfterAll
    static void printTable() {
        ChaosReport.printTable();
    }

    @Test
    void randomWorkerKillsLoseAndDuplicateNothing() throws Exception {
        Random random = new Random(5);
        ChaosJob job = ChaosJob.submit("chaos-worker-kill", FRAMES, 480, 270);
        List<String> faults = new ArrayList<>();
        Instant lastFault = null;
        try {
            job.awaitSucceeded(10, Duration.ofMinutes(2));
            while (faults.size() < KILLS && !job.finished()) {
                List<ServiceProcess> live = ChaosFarm.liveCpuWorkers();
                ServiceProcess victim = live.get(random.nextInt(live.size()));
                int done = job.succeeded();
                ChaosFarm.kill(victim);
                lastFault = Instant.now();
                faults.add(victim.name() + "@" + done);
                System.out.printf("chaos: SIGKILL %s at %d/%d tasks succeeded%n", victim.name(), done, FRAMES);
                ChaosFarm.restartWorker(victim.name());
                ChaosJob.sleep(BETWEEN_KILLS.toMillis());
            }
        } finally {
            ChaosFarm.heal();
        }
        ChaosOutcome outcome = job.outcome(lastFault, Duration.ofMinutes(5));
        ChaosReport.record("SIGKILL a random CPU worker every ~3 s (restarted)",
                faults.size() + " kills (" + String.join(", ", faults) + ")", outcome, outcome.result());
        assertTrue(faults.size() >= 3, "the job ended after only " + faults.size() + " kills: " + faults);
        outcome.assertClean();
    }
}
