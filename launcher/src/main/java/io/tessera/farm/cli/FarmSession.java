package io.tessera.farm.cli;

import io.tessera.farm.Farm;
import io.tessera.contracts.DistributionMode;
import io.tessera.farm.FarmOptions;
import io.tessera.farm.process.FreePorts;
import io.tessera.farm.process.PidFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the farm for {@code up} and {@code demo} and makes sure it stops: on normal exit and on Ctrl-C
 * (a shutdown hook), also while it is still starting.
 */
final class FarmSession {

    /** The environment variable choosing the distribution mode of {@code ./farm demo} and {@code ./farm up}. */
    static final String MODE_VARIABLE = "TESSERA_DISTRIBUTION_MODE";

    private static final int REST_PORT = 8080;

    private final Path repoRoot;
    private final boolean fresh;
    private final AtomicReference<Farm> farm = new AtomicReference<>();

    /**
     * @param fresh start from empty Kafka and PostgreSQL data ({@code demo}); otherwise the farm keeps the jobs of
     *              its previous run ({@code up})
     */
    FarmSession(Path repoRoot, boolean fresh) {
        this.repoRoot = repoRoot;
        this.fresh = fresh;
    }

    /**
     * The distribution mode from the environment variable {@value #MODE_VARIABLE} (centralized, hybrid or
     * decentralized), hybrid when unset.
     */
    static DistributionMode distributionMode() {
        String value = System.getenv(MODE_VARIABLE);
        if (value == null || value.isBlank()) {
            return DistributionMode.HYBRID;
        }
        try {
            return DistributionMode.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(MODE_VARIABLE + ": " + e.getMessage());
        }
    }

    /** Starts the farm; null (after printing why) when another farm already runs from this checkout. */
    Farm start() throws IOException, InterruptedException {
        PidFile pids = new PidFile(repoRoot.resolve(".farm/pids"));
        if (pids.read().stream().anyMatch(entry -> entry.handle().isPresent())) {
            System.err.println("A farm is already running from this checkout: ./farm status, ./farm down");
            return null;
        }
        int port = portIsFree(REST_PORT) ? REST_PORT : FreePorts.free();
        if (port != REST_PORT) {
            System.out.println("Port " + REST_PORT + " is taken; the REST gateway uses " + port);
        }
        DistributionMode mode = distributionMode();
        FarmOptions options = FarmOptions.defaults(repoRoot).withSubmissionPort(port).withDistributionMode(mode);
        if (fresh) {
            deleteRecursively(options.stateDir().resolve("kafka"));
            deleteRecursively(options.stateDir().resolve("postgres"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnExit, "farm-stop"));
        System.out.println("Starting Kafka and PostgreSQL, then 5 services and 3 workers, distribution mode "
                + mode.id() + " (logs in .farm/logs/)...");
        long started = System.nanoTime();
        Farm running = Farm.start(options);
        farm.set(running);
        System.out.printf("Farm ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return running;
    }

    /** Stops the farm now (the shutdown hook then has nothing left to do). */
    void stop() {
        Farm running = farm.getAndSet(null);
        if (running != null) {
            System.out.println("Stopping the farm...");
            running.stop();
            System.out.println("Farm stopped.");
        }
    }

    private void stopOnExit() {
        if (farm.get() != null) {
            stop();
        } else {
            DownCommand.stopRecorded(repoRoot, true);
        }
    }

    /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
