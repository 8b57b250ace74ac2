package io.tessera.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.e2e.E2eFarm;
import io.tessera.farm.process.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, chaos: every service is SIGKILLed in turn while a 200-task job of 960×540 frames runs, kept down for
 * a few seconds and started again (same port and configuration). Workers keep rendering what they hold, events
 * wait in Kafka, and each restarted service resumes from its committed offsets and its database. The job
 * completes with every frame committed exactly once.
 */
@ExtendWith(E2eFarm.class)
class ServiceRestartChaosTest {

    private static final int FRAMES = 200;
    private static final List<String> ORDER =
            List.of("monitoring", "assignment", "segmentation", "submission", "provisioning");
    private static final Duration DOWN = Duration.ofSeconds(3);
    private static final Duration BETWEEN = Duration.ofSeconds(2);

    @AfterAll
    static void printTable() {
        ChaosReport.printTable();
    }

    @Test
    void killingEachServiceInTurnLosesAndDuplicatesNothing() throws Exception {
        ChaosJob job = ChaosJob.submit("chaos-service-restart", FRAMES, 960, 540);
        List<String> faults = new ArrayList<>();
        Instant lastFault = null;
        try {
            job.awaitSucceeded(FRAMES / 20, Duration.ofMinutes(3));
            // one after the other, without waiting for the job to move again in between: a killed service's
            // consumer groups only rebalance once its dead members' sessions expire, so progress resumes later
            for (String name : ORDER) {
                if (job.finished()) {
                    break;
                }
                ServiceProcess service = ChaosFarm.farm().process(name);
                int done = job.succeeded();
                ChaosFarm.kill(service);
                lastFault = Instant.now();
                ChaosJob.sleep(DOWN.toMillis());
                ChaosFarm.restartService(service);
                double seconds = Duration.between(lastFault, Instant.now()).toMillis() / 1000.0;
                faults.add(name + "@" + (done < 0 ? "?" : String.valueOf(done)));
                System.out.printf("chaos: SIGKILL %s at %d/%d tasks succeeded; ready again after %.1f s%n",
                        name, done, FRAMES, seconds);
                ChaosJob.sleep(BETWEEN.toMillis());
            }
        } finally {
            ChaosFarm.heal();
        }
        ChaosOutcome outcome = job.outcome(lastFault, Duration.ofMinutes(5));
        ChaosReport.record("SIGKILL each service in turn, down " + DOWN.toSeconds() + " s, restarted",
                faults.size() + " kills (" + String.join(", ", faults) + ")", outcome, outcome.result());
        assertEquals(ORDER.size(), faults.size(), "the job ended before every service was killed: " + faults);
        outcome.assertClean();
    }
}
