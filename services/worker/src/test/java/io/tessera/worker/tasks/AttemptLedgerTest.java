package io.tessera.worker.tasks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttemptLedgerTest {

    @Test
    void anAttemptIsTakenOnce() {
        AttemptLedger ledger = new AttemptLedger();
        assertTrue(ledger.firstTime("job-1-t00000", 1));
        assertFalse(ledger.firstTime("job-1-t00000", 1));
    }

    @Test
    void aNewAttemptOrAnotherTaskIsNew() {
        AttemptLedger ledger = new AttemptLedger();
        assertTrue(ledger.firstTime("job-1-t00000", 1));
        assertTrue(ledger.firstTime("job-1-t00000", 2));
        assertTrue(ledger.firstTime("job-1-t00001", 1));
        assertTrue(ledger.firstTime("job-1-t0000", 11));
    }

    @Test
    void aForgottenAttemptIsTakenAgain() {
        AttemptLedger ledger = new AttemptLedger();
        ledger.firstTime("t", 1);
        ledger.forget("t", 1);
        assertTrue(ledger.firstTime("t", 1));
    }

    @Test
    void theOldestAttemptsAreForgottenBeyondCapacity() {
        AttemptLedger ledger = new AttemptLedger(2);
        ledger.firstTime("a", 1);
        ledger.firstTime("b", 1);
        ledger.firstTime("c", 1);
        assertTrue(ledger.firstTime("a", 1));
        assertFalse(ledger.firstTime("c", 1));
    }
}
