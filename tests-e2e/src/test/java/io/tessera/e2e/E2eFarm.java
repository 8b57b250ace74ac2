package io.tessera.e2e;

import io.tessera.farm.Farm;
import io.tessera.farm.FarmOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one whole farm (real Kafka, real PostgreSQL, every service and three workers as separate processes) for
 * all end-to-end test classes, and stops it when the test run ends. Leases time out after a few seconds so a
 * killed worker's task is republished quickly.
 */
public final class E2eFarm implements BeforeAllCallback {

    /** Lease timeout of the test farm. */
    public static final Duration LEASE_TIMEOUT = Duration.ofSeconds(4);

    private static Running running;

    /** The running farm. */
    public static Farm farm() {
        return running.farm;
    }

    /** The REST client of the running farm's gateway. */
    public static JobsApi api() {
        return running.api;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (E2eFarm.class) {
            if (running == null) {
                running = start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(E2eFarm.class, running);
            }
        }
    }

    private static Running start() throws Exception {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        Path workDir = Files.createTempDirectory("tessera-e2e");
        FarmOptions options = FarmOptions.forTests(repoRoot, workDir)
                .withLeaseTimeout(LEASE_TIMEOUT)
                .withExtraProps("monitoring", Map.of(
                        "tessera.monitoring.lease-check-interval", "500ms",
                        "tessera.monitoring.farm-status-interval", "1s"));
        for (String worker : new String[] {"cpu-1", "cpu-2", "gpu-1"}) {
            options = options.withExtraProps(worker, Map.of("tessera.worker.heartbeat-interval", "1s"));
        }
        Farm farm = Farm.start(options);
        return new Running(farm, new JobsApi(farm.submissionUrl()));
    }

    private record Running(Farm farm, JobsApi api) implements AutoCloseable {
        @Override
        public void close() {
            farm.stop();
        }
    }
}
