package io.tessera.farm.cli;

import io.tessera.farm.process.PidFile;
import java.nio.file.Path;
import java.util.List;

/** {@code ./farm status}: lists the farm's recorded processes and whether each still runs. */
final class StatusCommand {

    private final Path repoRoot;

    StatusCommand(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    int run() throws Exception {
        List<PidFile.Entry> entries = new PidFile(repoRoot.resolve(".farm/pids")).read();
        if (entries.isEmpty()) {
            System.out.println("No farm is running.");
            return 1;
        }
        long alive = 0;
        for (PidFile.Entry entry : entries) {
            boolean running = entry.handle().isPresent();
            alive += running ? 1 : 0;
            System.out.printf("%-14s pid %-8d %s%n", entry.name(), entry.pid(), running ? "running" : "gone");
        }
        System.out.println(alive + " of " + entries.size() + " processes running; logs in .farm/logs/");
        return alive == entries.size() ? 0 : 1;
    }
}
