package io.tessera.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.e2e.E2eFarm;
import io.tessera.e2e.FarmAdmin;
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
 * restarted: each must reconnect on its own, and the job completes with every frame committed exactly once; no
 * event is dead-lettered meanwhile (a consumer waits for the database instead).
 */
@ExtendWith(E2eFarm.class)
class InfrastructureRestartChaosTest {

    private static final int FRAMES = 200;
    /**
     * Longer than a consumer's few quick retries of a failed poll (3, up to 2 s apart): a consumer must wait for the
     * database or broker to come back, never dead-letter the valid events it could not apply meanwhile.
     */
    private static final Duration DOWN = Duration.ofSeconds(12);

    @AfterAll
    static void printTable() {
        ChaosReport.printTable();
    }

    @Test
    void aBrokerKilledMidJobLosesAndDuplicatesNothing() throws Exception {
        Infrastructure infrastructure = ChaosFarm.farm().infrastructure();
        faultMidJob("chaos-broker-restart", "SIGKILL the Kafka broker mid-job, restarted", "SIGKILL broker",
                "broker answering again", () -> infrastructure.kafka().kill(), () -> infrastructure.kafka().restart());
    }

    @Test
    void aDatabaseRestartedMidJobLosesAndDuplicatesNothing() throws Exception {
        Infrastructure infrastructure = ChaosFarm.farm().infrastructure();
        faultMidJob("chaos-postgres-restart", "stop PostgreSQL mid-job, restarted", "PostgreSQL stopped (fast)",
                "accepting connections again", () -> infrastructure.postgres().stop(),
                () -> infrastructure.postgres().restart());
    }

    /** A step of a fault that may fail. */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Runs a job, and once a quarter of it succeeded: {@code stop}, {@code DOWN} of downtime, {@code start}; then
     * waits for the farm to heal and checks the job ended clean.
     */
    private static void faultMidJob(String jobName, String scenario, String what, String backAgain, Step stop,
                                    Step start) throws Exception {
        long deadLettersBefore = deadLetters();
        ChaosJob job = ChaosJob.submit(jobName, FRAMES, 480, 270);
        Instant fault = null;
        String faults = "none (the job ended first)";
        try {
            if (job.awaitSucceeded(FRAMES / 4, Duration.ofMinutes(3))) {
                int done = job.succeeded();
                stop.run();
                fault = Instant.now();
                ChaosJob.sleep(DOWN.toMillis());
                start.run();
                faults = what + " at " + done + "/" + FRAMES + ", down " + DOWN.toSeconds() + " s";
                System.out.println("chaos: " + faults + "; " + backAgain + " after "
                        + Duration.between(fault, Instant.now()).toMillis() / 1000.0 + " s");
            }
        } finally {
            awaitServicesReady();
        }
        ChaosOutcome outcome = job.outcome(fault, Duration.ofMinutes(5));
        ChaosReport.record(scenario, faults, outcome, outcome.result());
        outcome.assertClean();
        assertEquals(deadLettersBefore, deadLetters(), "valid events were dead-lettered during the outage");
    }

    private static long deadLetters() throws Exception {
        try (FarmAdmin admin = new FarmAdmin(E2eFarm.farm().bootstrapServers())) {
            return admin.deadLetters();
        }
    }

    /** Every service and worker reports ready again (they reconnect by themselves), so later classes find a farm. */
    private static void awaitServicesReady() throws Exception {
        ChaosFarm.heal();
        for (ServiceProcess process : E2eFarm.farm().processes()) {
            process.awaitReady(ChaosFarm.READY_TIMEOUT);
        }
    }
}
