package io.tessera.farm.cli;

import io.tessera.farm.process.PidFile;
import io.tessera.farm.process.ProcessControl;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./farm down}: stops a farm left running. The launcher ({@code ./farm up}) is asked first, so it stops
 * everything in order; whatever is still recorded in {@code .farm/pids} then gets SIGTERM and, after 10 s, SIGKILL.
 */
final class DownCommand {

    private static final Duration LAUNCHER_GRACE = Duration.ofSeconds(90);

    private final Path repoRoot;

    DownCommand(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    int run() {
        int stopped = stopRecorded(repoRoot, false);
        System.out.println(stopped == 0 ? "No farm is running." : "Stopped " + stopped + " processes.");
        return 0;
    }

    /** Stops every live process in the pid file, last started first; returns how many were running. */
    static int stopRecorded(Path repoRoot, boolean excludingLauncher) {
        PidFile pidFile = new PidFile(repoRoot.resolve(".farm/pids"));
        List<PidFile.Entry> entries;
        try {
            entries = new ArrayList<>(pidFile.read());
        } catch (IOException e) {
            System.err.println("cannot read .farm/pids: " + e.getMessage());
            return 0;
        }
        int running = 0;
        Collections.reverse(entries);
        entries.sort(Comparator.comparing(entry -> !entry.name().equals("farm")));
        for (PidFile.Entry entry : entries) {
            if (entry.pid() == ProcessHandle.current().pid()
                    || excludingLauncher && entry.name().equals("farm")) {
                continue;
            }
            Optional<ProcessHandle> handle = entry.handle();
            if (handle.isEmpty()) {
                continue;
            }
            running++;
            System.out.println("Stopping " + entry.name() + " (pid " + entry.pid() + ")");
            Duration grace = entry.name().equals("farm") ? LAUNCHER_GRACE : ProcessControl.GRACE;
            ProcessControl.terminate(handle.get(), grace);
        }
        try {
            pidFile.delete();
        } catch (IOException e) {
            System.err.println("cannot delete .farm/pids: " + e.getMessage());
        }
        return running;
    }
}
