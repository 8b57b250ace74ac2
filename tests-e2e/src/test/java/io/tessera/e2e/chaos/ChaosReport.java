package io.tessera.e2e.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary of every chaos scenario run in this JVM: one line per scenario, printed when it ends and collected
 * into a markdown table (printed at the end of each chaos class and appended to
 * {@code target/chaos-summary.md}) for the README's reliability section.
 */
final class ChaosReport {

    static final String HEADER = "| scenario | faults injected | tasks | lost | duplicated | retried tasks | "
            + "late events ignored | staging leftovers | recovery (s) | result |\n"
            + "|---|---|---|---|---|---|---|---|---|---|";

    private static final List<String> ROWS = new ArrayList<>();

    private ChaosReport() {
    }

    /** Prints the scenario's line and keeps it for the table. */
    static synchronized void record(String scenario, String faults, ChaosOutcome outcome, String result) {
        String row = String.format("| %s | %s | %d | %d | %d | %d | %s | %d | %s | %s |", scenario, faults,
                outcome.tasks(), outcome.lost(), outcome.duplicated(), outcome.retriedTasks(),
                outcome.lateEventsIgnored() < 0 ? "n/a" : String.valueOf(outcome.lateEventsIgnored()),
                outcome.stagingLeftovers(),
                outcome.recoverySeconds() < 0 ? "n/a" : String.format("%.1f", outcome.recoverySeconds()), result);
        ROWS.add(row);
        System.out.println("chaos summary: " + row);
        try {
            Path file = Path.of("target", "chaos-summary.md");
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, HEADER + System.lineSeparator());
            }
            Files.writeString(file, row + System.lineSeparator(), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints every line recorded so far as a markdown table. */
    static synchronized void printTable() {
        StringBuilder table = new StringBuilder("chaos suite so far:").append(System.lineSeparator())
                .append(HEADER).append(System.lineSeparator());
        ROWS.forEach(row -> table.append(row).append(System.lineSeparator()));
        System.out.println(table);
    }
}
