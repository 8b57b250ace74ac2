package io.tessera.e2e.chaos;

import io.tessera.e2e.E2eFarm;
import io.tessera.farm.Farm;
import io.tessera.farm.WorkerSpec;
import io.tessera.farm.process.ServiceProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Faults on the shared e2e farm, and putting it back the way the other test classes expect it. */
final class ChaosFarm {

    /** How long a restarted service may take to become ready on a busy 2-core machine. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** The properties E2eFarm gives its workers. */
    static final Map<String, String> WORKER_PROPS = Map.of("tessera.worker.heartbeat-interval", "1s");

    /** The CPU workers as E2eFarm starts them. */
    static final List<WorkerSpec> CPU_WORKERS = List.of(
            WorkerSpec.of("cpu-1", "cpu").withExtraProps(WORKER_PROPS),
            WorkerSpec.of("cpu-2", "cpu").withExtraProps(WORKER_PROPS));

    private ChaosFarm() {
    }

    static Farm farm() {
        return E2eFarm.farm();
    }

    /** The farm's CPU workers (cpu-1, cpu-2) that are running now. */
    static List<ServiceProcess> liveCpuWorkers() {
        return farm().processes().stream()
                .filter(p -> p.name().startsWith("cpu-"))
                .filter(ServiceProcess::isAlive)
                .toList();
    }

    /** SIGKILLs a service or worker. */
    static void kill(ServiceProcess process) throws InterruptedException {
        process.kill();
    }

    /** Starts a killed worker again under its name and port and waits until it is ready. */
    static void restartWorker(String name) throws IOException {
        farm().startWorker(name, name.startsWith("gpu-") ? "gpu" : "cpu", WORKER_PROPS);
    }

    /**
     * Replaces both CPU workers: stops them (SIGTERM: they drain) and starts them together, same names and ports,
     * with {@code config} applied to their spec (e.g. {@code spec -> spec.withFaults(...)}; {@code spec -> spec}
     * puts them back as E2eFarm started them). Returns once both are ready.
     */
    static void restartCpuWorkers(UnaryOperator<WorkerSpec> config) throws IOException {
        for (WorkerSpec worker : CPU_WORKERS) {
            ServiceProcess process = farm().process(worker.id());
            if (process != null) {
                process.stop();
            }
        }
        farm().startWorkers(CPU_WORKERS.stream().map(config).toList());
    }

    /** Starts a killed service again (same port and configuration) and waits until it is ready. */
    static void restartService(ServiceProcess service) throws IOException, InterruptedException {
        service.start();
        service.awaitReady(READY_TIMEOUT);
    }

    /**
     * Puts the farm back as E2eFarm started it, for the test classes that run next: every service and worker
     * that is not running is started again.
     */
    static void heal() throws IOException, InterruptedException {
        for (ServiceProcess process : farm().processes()) {
            if (process.isAlive()) {
                continue;
            }
            if (process.name().startsWith("cpu-") || process.name().startsWith("gpu-")) {
                restartWorker(process.name());
            } else {
                restartService(process);
            }
        }
    }
}
