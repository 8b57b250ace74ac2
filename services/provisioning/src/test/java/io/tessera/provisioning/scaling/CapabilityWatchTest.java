package io.tessera.provisioning.scaling;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.status.FarmStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Started workers are awaited before the worker count is trusted again, so provisioning never overshoots max. */
class CapabilityWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void waitsUntilTheStartedWorkersReport() {
        CapabilityWatch watch = new CapabilityWatch();
        watch.observe(status(2), T0);
        watch.expect(3, T0.plus(Duration.ofSeconds(60)));

        watch.observe(status(2), T0.plusSeconds(5));
        assertTrue(watch.awaitingNewWorkers(T0.plusSeconds(5)), "the new worker has not reported yet");

        watch.observe(status(3), T0.plusSeconds(9));
        assertFalse(watch.awaitingNewWorkers(T0.plusSeconds(9)), "the new worker reported");
    }

    @Test
    void stopsWaitingAfterTheGrace() {
        CapabilityWatch watch = new CapabilityWatch();
        watch.observe(status(2), T0);
        watch.expect(3, T0.plus(Duration.ofSeconds(60)));

        assertTrue(watch.awaitingNewWorkers(T0.plusSeconds(59)));
        assertFalse(watch.awaitingNewWorkers(T0.plusSeconds(61)), "a worker that never reports must not block scaling");
    }

    private static FarmStatus status(int workers) {
        return new FarmStatus(Capability.CPU, 40, workers, workers, workers, 0, T0);
    }
}
