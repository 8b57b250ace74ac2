package io.tessera.monitoring.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorLimitTest {

    @Test
    void aJobFailsWhenItsFailedAttemptsReachTheLimit() {
        assertFalse(ErrorLimit.reached(5, 4));
        assertTrue(ErrorLimit.reached(5, 5));
        assertTrue(ErrorLimit.reached(1, 1));
        assertTrue(ErrorLimit.reached(5, 6), "a limit lowered below the count still applies");
    }

    @Test
    void zeroOrNoLimitNeverFailsAJob() {
        assertFalse(ErrorLimit.reached(0, 100_000));
        assertFalse(ErrorLimit.reached(null, 100_000), "jobs submitted before the error limit existed");
    }

    @Test
    void theReasonListsTheLastThreeDistinctReasonsNewestFirst() {
        String reason = ErrorLimit.reason(5, 5, List.of("exit code 3: out of memory", "texture missing: wood.png",
                "exit code 3: out of memory", "segfault", "license server unreachable"));
        assertEquals("error limit reached: 5 failed attempts (errorLimit 5); last reasons: exit code 3: out of memory"
                + " | texture missing: wood.png | segfault", reason);
    }

    @Test
    void aReasonIsListedByItsFirstLineCutToTwoHundredCharacters() {
        String logTail = "exit code 139\nline 1 of the log\nline 2 of the log";
        String longLine = "x".repeat(500);
        List<String> listed = ErrorLimit.lastDistinct(List.of(logTail, longLine, "  ", "exit code 139\nother tail"));
        assertEquals(List.of("exit code 139", "x".repeat(197) + "..."), listed);
    }

    @Test
    void aReasonWithoutKnownReasonsNamesOnlyTheCount() {
        assertEquals("error limit reached: 1 failed attempt (errorLimit 1)", ErrorLimit.reason(1, 1, List.of()));
    }
}
