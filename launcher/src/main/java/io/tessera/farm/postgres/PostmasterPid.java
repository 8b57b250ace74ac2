package io.tessera.farm.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the postmaster's process id from {@code postmaster.pid} in a data directory. */
final class PostmasterPid {

    private PostmasterPid() {
    }

    /** The pid, or -1 when the server is not running. */
    static long read(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
