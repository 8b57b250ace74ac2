package io.tessera.farm.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code .farm/pids} file: one line per running process, {@code name pid startMillis}, in start order, so
 * that {@code ./farm down} can stop a farm whose launcher is gone without touching a recycled pid.
 */
public final class PidFile {

    /** One process of the farm. */
    public record Entry(String name, long pid, long startMillis) {

        /** The process, when it is still the one that was recorded. */
        public Optional<ProcessHandle> handle() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> h.info().startInstant()
                    .map(start -> Math.abs(start.toEpochMilli() - startMillis) < 2000 || startMillis <= 0)
                    .orElse(true));
        }

        /** The entry of a live process. */
        public static Entry of(String name, ProcessHandle handle) {
            long start = handle.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
            return new Entry(name, handle.pid(), start);
        }
    }

    private final Path file;

    /** The pid file at {@code file}. */
    public PidFile(Path file) {
        this.file = file;
    }

    /** Replaces the file's content with {@code entries}. */
    public synchronized void write(List<Entry> entries) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<String> lines = new ArrayList<>();
        entries.forEach(e -> lines.add(e.name() + " " + e.pid() + " " + e.startMillis()));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, lines);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The recorded entries, empty when there is no file. */
    public synchronized List<Entry> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3) {
                entries.add(new Entry(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            }
        }
        return entries;
    }

    /** Removes the file. */
    public synchronized void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
