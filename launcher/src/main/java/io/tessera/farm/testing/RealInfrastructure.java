package io.tessera.farm.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tessera.farm.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Quarkus test resource that starts a real Kafka broker (every topic created) and a real PostgreSQL on free ports
 * in a temporary directory, once per JVM, and hands the services their configuration:
 * {@code @QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)}.
 * Plain JUnit tests use {@link #shared()}.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static Infrastructure infrastructure;
    private static Path tempDir;
    private static int users;
    private static boolean pinned;

    /**
     * The JVM-wide infrastructure, started on first use and stopped when the JVM exits.
     * Tests read {@link Infrastructure#bootstrapServers()} and {@link Infrastructure#jdbcUrl()} from it.
     */
    public static synchronized Infrastructure shared() {
        pinned = true;
        return acquire();
    }

    /** The directory services write rendered output to while the shared infrastructure runs. */
    public static synchronized Path outputRoot() {
        acquire();
        return tempDir.resolve("out");
    }

    private ContainerInfrastructure containers;

    @Override
    public Map<String, String> start() {
        if (ContainerInfrastructure.requested()) {
            return startContainers();
        }
        Infrastructure infra;
        synchronized (RealInfrastructure.class) {
            infra = acquire();
            users++;
        }
        Map<String, String> config = new LinkedHashMap<>(infra.serviceConfig());
        config.put("tessera.output-root", outputRoot().toString());
        config.put("quarkus.devservices.enabled", "false");
        return config;
    }

    private Map<String, String> startContainers() {
        try {
            containers = ContainerInfrastructure.start();
            Path output = Files.createTempDirectory("tessera-out-");
            Map<String, String> config = new LinkedHashMap<>(containers.serviceConfig());
            config.put("tessera.output-root", output.toString());
            config.put("quarkus.devservices.enabled", "false");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Testcontainers' Kafka and PostgreSQL did not start", e);
        }
    }

    @Override
    public void stop() {
        if (containers != null) {
            containers.close();
            containers = null;
            return;
        }
        synchronized (RealInfrastructure.class) {
            users = Math.max(0, users - 1);
            if (users == 0 && !pinned) {
                release();
            }
        }
    }

    private static Infrastructure acquire() {
        if (infrastructure != null) {
            return infrastructure;
        }
        try {
            tempDir = Files.createTempDirectory("tessera-infra-");
            Files.setPosixFilePermissions(tempDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(tempDir.resolve("out"));
            infrastructure = Infrastructure.start(tempDir, tempDir.resolve("logs"), 0, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(RealInfrastructure::releaseOnExit, "real-infra-stop"));
            return infrastructure;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka and PostgreSQL", e);
        }
    }

    private static synchronized void releaseOnExit() {
        release();
    }

    private static void release() {
        if (infrastructure == null) {
            return;
        }
        try {
            infrastructure.stop();
        } finally {
            infrastructure = null;
            deleteRecursively(tempDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temp directory is harmless
        }
    }
}
