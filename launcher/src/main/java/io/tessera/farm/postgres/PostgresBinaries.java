package io.tessera.farm.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds the PostgreSQL server binaries installed on this machine (Debian layout first, then {@code pg_config}). */
final class PostgresBinaries {

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    private PostgresBinaries() {
    }

    /** The {@code bin} directory holding {@code initdb}, {@code postgres} and {@code pg_ctl}, newest version first. */
    static Optional<Path> find() {
        Optional<Path> debian = newestDebianBinDir();
        return debian.isPresent() ? debian : fromPgConfig();
    }

    private static Optional<Path> newestDebianBinDir() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        List<Path> versions = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(DEBIAN_ROOT)) {
            for (Path dir : dirs) {
                if (isComplete(dir.resolve("bin")) && dir.getFileName().toString().matches("\\d+(\\.\\d+)?")) {
                    versions.add(dir);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return versions.stream()
                .max(Comparator.comparingDouble(dir -> Double.parseDouble(dir.getFileName().toString())))
                .map(dir -> dir.resolve("bin"));
    }

    private static Optional<Path> fromPgConfig() {
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            Path bin = Path.of(out);
            return isComplete(bin) ? Optional.of(bin) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean isComplete(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres"))
                && Files.isExecutable(bin.resolve("pg_ctl"));
    }
}
