package io.tessera.worker.component;

import io.tessera.farm.process.FreePorts;
import io.tessera.farm.process.ProcessControl;
import io.tessera.farm.process.ServiceProcess;
import io.tessera.farm.testing.RealInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged worker ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package} before failsafe runs
 * the {@code *IT} classes) as its own JVM against the broker of {@link RealInfrastructure#shared()}, so a test can
 * send it a real SIGTERM. A CPU worker with one slot, a fixed score (no calibration) and 1 s heartbeats.
 */
final class WorkerProcess implements AutoCloseable {

    private static final Duration READY = Duration.ofMinutes(2);

    private final ServiceProcess process;

    private WorkerProcess(ServiceProcess process) {
        this.process = process;
    }

    /** Starts worker {@code id} with the extra settings and waits until it is ready (its Kafka channels too). */
    static WorkerProcess start(String id, Map<String, String> settings) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("tessera.worker.jar", "target/quarkus-app/quarkus-run.jar"));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("kafka.bootstrap.servers", RealInfrastructure.shared().bootstrapServers());
        props.put("tessera.output-root", RealInfrastructure.outputRoot().toString());
        props.put("tessera.worker.capability", "cpu");
        props.put("tessera.worker.id", id);
        props.put("tessera.worker.slots", "1");
        props.put("tessera.worker.score", "1.0");
        props.put("tessera.worker.heartbeat-interval", "1s");
        props.putAll(settings);
        Path log = Path.of("target", "worker-processes", id + ".log");
        Files.deleteIfExists(log);
        ServiceProcess service = new ServiceProcess(id, jar, FreePorts.free(), props, log).start();
        WorkerProcess worker = new WorkerProcess(service);
        try {
            service.awaitReady(READY);
        } catch (RuntimeException | InterruptedException e) {
            worker.close();
            throw e;
        }
        return worker;
    }

    /** Sends SIGTERM, as an operator, systemd or Kubernetes would. */
    void sigterm() {
        process.process().destroy();
    }

    /** Waits up to {@code timeout} for the JVM to exit; true when it did. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last lines of the worker's log, for assertion messages. */
    String logTail() {
        return ProcessControl.tail(process.logFile(), 60);
    }

    /** SIGKILLs the JVM if a test left it running. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.kill();
        }
    }
}
