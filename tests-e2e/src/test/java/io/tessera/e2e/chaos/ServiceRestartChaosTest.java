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
 * Issue 5, chaos: every service is SIGKILLed in turn while a 200-task job runs, kept down for a few seconds and
 * started again (same port and configuration). Workers keep rendering what they hold, events wait in Kafka,
 * and each restarted service resumes from its committed offsets and its database. The job completes with every
 * frame committed exactly once.
 */
@ExtendWith(E2eFarm.class)
class ServiceRestartChaosTest {

    private static final int FRAMES = 200;
    private static final List<String> ORDER =
            List.of("monitoring", "assignment", "segmentation", "submission", "provisioning");
    private static final Duration DOWN = Duration.ofSeconds(3);

    @AfterAll
    static void printTable() {
        ChaosReport.printTable();
    }

    @Test
    void killingEachServiceInTurnLosesAndDuplicatesNothing() throws Exception {
        ChaosJob job = ChaosJob.submit("chaos-service-restart", FRAMES, 640, 360);
        List<String> faults = new ArrayList<>();
        Instant lastFault = null;
        try {
            for (int i = 0; i < ORDER.size(); i++) {
                // spread the kills over the job: 5%, 20%, 35%, 50%, 65% of its tasks
                if (!job.awaitSucceeded(FRAMES * (1 + 3 * i) / 20, Duration.ofMinutes(3))) {
                    break;
                }
                ServiceProcess service = ChaosFarm.farm().process(ORDER.get(i));
                int done = job.succeeded();
                ChaosFarm.kill(service);
                lastFault = Instant.now();
                ChaosJob.sleep(DOWN.toMillis());
                ChaosFarm.restartService(service);
                double seconds = Duration.between(lastFault, Instant.now()).toMillis() / 1000.0;
                faults.add(service.name() + "@" + done);
                System.out.printf("chaos: SIGKILL %s at %d/%d tasks succeeded; ready again after %.1f s%n",
                        service.name(), done, FRAMES, seconds);
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
