package io.tessera.farm.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops processes the way the farm does everywhere: SIGTERM, a grace period, then SIGKILL. */
public final class ProcessControl {

    /** How long a process gets between SIGTERM and SIGKILL. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private ProcessControl() {
    }

    /** Sends SIGTERM, waits up to {@code grace}, then SIGKILLs; returns once the process is gone. */
    public static void terminate(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                if (timeoutOrInterrupt instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The path of the {@code java} launcher of the running JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The last {@code lines} lines of a log file, or a note that it does not exist. */
    public static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log at " + log + ")";
            }
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (Exception e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
