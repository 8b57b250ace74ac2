package io.tessera.worker.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.worker.staging.StagingPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureReasonsTest {

    private static RunningTask task(int frames) {
        TaskPlanned planned = new TaskPlanned("job-1-t00000", "job-1", 0, 1, 1, frames,
                new Requirements(Capability.CPU, null, null), 50, "{}", "/out/job-1");
        return new RunningTask(planned, 1, "cpu-1", new StagingPaths(Path.of("/out/job-1"), "job-1-t00000", 1, "cpu-1"));
    }

    @Test
    void durationsReadAsConfigured() {
        assertEquals("2h", FailureReasons.human(Duration.ofHours(2)));
        assertEquals("30s", FailureReasons.human(Duration.ofSeconds(30)));
        assertEquals("1m30s", FailureReasons.human(Duration.ofSeconds(90)));
        assertEquals("1h5s", FailureReasons.human(Duration.ofSeconds(3605)));
        assertEquals("1500ms", FailureReasons.human(Duration.ofMillis(1500)));
        assertEquals("0s", FailureReasons.human(Duration.ZERO));
    }

    @Test
    void runTimeoutAndDrainSayWhatStoppedTheRenderAndHowFarItGot() {
        RunningTask task = task(10);
        task.framesDone(3);
        assertEquals("run timeout: render exceeded 2h (3 of 10 frames done)",
                FailureReasons.runTimeout(Duration.ofHours(2), task));
        assertEquals("worker drained: stopped after grace period 30s (3 of 10 frames done)",
                FailureReasons.drained(Duration.ofSeconds(30), task));
    }

    @Test
    void anErrorKeepsItsMessageAndItsCauses() {
        RuntimeException failure = new IllegalStateException("frame 7 cannot be written",
                new UncheckedIOException(new IOException("No space left on device")));
        assertEquals("frame 7 cannot be written; caused by java.io.IOException: No space left on device",
                FailureReasons.of(failure));
        assertEquals("NullPointerException", FailureReasons.of(new NullPointerException()));
        assertEquals("render produced no result", FailureReasons.of(null));
    }

    @Test
    void aLongReasonKeepsItsBeginningAndItsEnd() {
        String log = "renderer exited with code 139; log tail:\n" + "x".repeat(5000) + "\nSegmentation fault";
        String reason = FailureReasons.of(new RuntimeException(log));
        assertEquals(FailureReasons.MAX_LENGTH, reason.length());
        assertTrue(reason.startsWith("renderer exited with code 139; log tail:"), reason);
        assertTrue(reason.endsWith("\nSegmentation fault"), reason);
        assertTrue(reason.contains(" [...] "), reason);
    }
}
