package io.tessera.e2e.chaos;

import io.tessera.e2e.E2eFarm;
import io.tessera.farm.Infrastructure;
import io.tessera.farm.process.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, chaos: the Kafka broker (SIGKILL) and PostgreSQL (fast shutdown: every session is ended) go away for a
 * few seconds while a 200-task job runs, and come back on the same port with the same data. No service is
 * restarted: each must reconnect on its own, and the job completes with every frame committed exactly once.
 */
@ExtendWith(E2eFarm.class)
class InfrastructureRestartChaosTest {

    private static final int FRAMES = 200;
    private static final Duration DOWN = Duration.ofSeconds(5);

    @AfterAll
    static void printTable() {
        ChaosReport.printTable();
    }

    @Test
    void aBrokerKilledMidJobLosesAndDuplicatesNothing() throws Exception {
        ChaosJob job = ChaosJob.submit("chaos-broker-restart", FRAMES, 640, 360);
        Infrastructure infrastructure = ChaosFarm.farm().infrastructure();
        Instant fault = null;
        String faults = "none (the job ended first)";
        try {
            if (job.awaitSucceeded(FRAMES / 4, Duration.ofMinutes(3))) {
                int done = job.succeeded();
                infrastructure.kafka().kill();
                fault = Instant.now();
                ChaosJob.sleep(DOWN.toMillis());
                infrastructure.kafka().restart();
                faults = "SIGKILL broker at " + done + "/" + FRAMES + ", down " + DOWN.toSeconds() + " s";
                System.out.println("chaos: " + faults + "; broker answering again after "
                        + Duration.between(fault, Instant.now()).toMillis() / 1000.0 + " s");
            }
        } finally {
            awaitServicesReady();
        }
        ChaosOutcome outcome = job.outcome(fault, Duration.ofMinutes(5));
        ChaosReport.record("SIGKILL the Kafka broker mid-job, restarted", faults, outcome, outcome.result());
        outcome.assertClean();
    }

    @Test
    void aDatabaseRestartedMidJobLosesAndDuplicatesNothing() throws Exception {
        ChaosJob job = ChaosJob.submit("chaos-postgres-restart", FRAMES, 640, 360);
        Infrastructure infrastructure = ChaosFarm.farm().infrastructure();
        Instant fault = null;
        String faults = "none (the job ended first)";
        try {
            if (job.awaitSucceeded(FRAMES / 4, Duration.ofMinutes(3))) {
                int done = job.succeeded();
                infrastructure.postgres().stop();
                fault = Instant.now();
                ChaosJob.sleep(DOWN.toMillis());
                infrastructure.postgres().restart();
                faults = "PostgreSQL stopped (fast) at " + done + "/" + FRAMES + ", down " + DOWN.toSeconds() + " s";
                System.out.println("chaos: " + faults + "; accepting connections again after "
                        + Duration.between(fault, Instant.now()).toMillis() / 1000.0 + " s");
            }
        } finally {
            awaitServicesReady();
        }
        ChaosOutcome outcome = job.outcome(fault, Duration.ofMinutes(5));
        ChaosReport.record("stop PostgreSQL mid-job, restarted", faults, outcome, outcome.result());
        outcome.assertClean();
    }

    /** Every service and worker reports ready again (they reconnect by themselves), so later classes find a farm. */
    private static void awaitServicesReady() throws Exception {
        ChaosFarm.heal();
        for (ServiceProcess process : E2eFarm.farm().processes()) {
            process.awaitReady(ChaosFarm.READY_TIMEOUT);
        }
    }
}
