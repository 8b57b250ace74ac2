package io.tessera.monitoring.failure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlocklistingTest {

    @Test
    void aWorkerIsBlocklistedWhenItsFailuresOnTheJobReachTheThreshold() {
        assertFalse(Blocklisting.blocklistNow(3, 1, false));
        assertFalse(Blocklisting.blocklistNow(3, 2, false));
        assertTrue(Blocklisting.blocklistNow(3, 3, false));
        assertTrue(Blocklisting.blocklistNow(1, 1, false));
    }

    @Test
    void aWorkerAlreadyBlocklistedIsNotBlocklistedAgain() {
        assertFalse(Blocklisting.blocklistNow(3, 4, true));
    }

    @Test
    void zeroOrNoThresholdNeverBlocklists() {
        assertFalse(Blocklisting.blocklistNow(0, 50, false));
        assertFalse(Blocklisting.blocklistNow(null, 50, false));
    }
}
