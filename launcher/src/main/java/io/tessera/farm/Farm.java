package io.tessera.farm;

import io.tessera.farm.process.FarmProcesses;
import io.tessera.farm.process.FreePorts;
import io.tessera.farm.process.PidFile;
import io.tessera.farm.process.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole Tessera farm on this machine: a real Kafka broker and PostgreSQL, every service and the workers, each
 * in its own process. Used by the {@code ./farm} CLI and by the end-to-end tests.
 */
public final class Farm implements AutoCloseable {

    /** The services, in the order they are started. */
    public static final List<String> SERVICES =
            List.of("monitoring", "assignment", "segmentation", "submission", "provisioning");

    private static final Set<String> DATABASE_SERVICES = Set.of("submission", "assignment", "monitoring", "segmentation");

    private final FarmOptions options;
    private final Infrastructure infrastructure;
    private final FarmProcesses processes = new FarmProcesses();
    private final PidFile pidFile;
    private final int submissionPort;

    private Farm(FarmOptions options, Infrastructure infrastructure, int submissionPort) {
        this.options = options;
        this.infrastructure = infrastructure;
        this.submissionPort = submissionPort;
        this.pidFile = new PidFile(options.stateDir().resolve("pids"));
    }

    /** Starts infrastructure, services and workers; returns once every process is ready. */
    public static Farm start(FarmOptions options) throws IOException, InterruptedException {
        Files.createDirectories(options.stateDir());
        Files.createDirectories(options.outputRoot());
        int submissionPort = FreePorts.orFree(options.submissionPort());
        Infrastructure infrastructure = Infrastructure.start(options.stateDir(), logs(options),
                options.kafkaPort(), options.postgresPort());
        Farm farm = new Farm(options, infrastructure, submissionPort);
        try {
            farm.recordPids();
            List<ServiceProcess> services = new ArrayList<>();
            for (String service : SERVICES) {
                int port = "submission".equals(service) ? submissionPort : FreePorts.free();
                services.add(farm.service(service, service, port, farm.serviceProps(service)));
            }
            farm.processes.startTogether(services, options.readyTimeout());
            farm.recordPids();
            List<ServiceProcess> workers = new ArrayList<>();
            for (WorkerSpec worker : options.workers()) {
                workers.add(farm.workerProcess(worker.id(), worker.capability(), worker.extraProps()));
            }
            farm.processes.startTogether(workers, options.readyTimeout());
            farm.recordPids();
            return farm;
        } catch (IOException | RuntimeException e) {
            farm.stop();
            throw e;
        }
    }

    /** {@code 127.0.0.1:<port>} of the broker. */
    public String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    /** JDBC URL of the {@code tessera} database (user and password {@code tessera}). */
    public String jdbcUrl() {
        return infrastructure.jdbcUrl();
    }

    /** {@code http://127.0.0.1:<port>} of the submission service (REST gateway). */
    public URI submissionUrl() {
        return URI.create("http://127.0.0.1:" + submissionPort);
    }

    /** Where workers write frames. */
    public Path outputRoot() {
        return options.outputRoot();
    }

    /** The broker and the database. */
    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /** The service or worker called {@code name} ({@code submission}, {@code cpu-1}, ...), or null. */
    public ServiceProcess process(String name) {
        return processes.get(name);
    }

    /** Every service and worker process, in start order. */
    public List<ServiceProcess> processes() {
        return processes.all();
    }

    /**
     * Starts a worker and waits until it is ready. A worker of that name that is no longer running (killed or
     * stopped) is replaced, keeping its port.
     */
    public ServiceProcess startWorker(String name, String capability, Map<String, String> extraProps)
            throws IOException {
        return startWorkers(List.of(new WorkerSpec(name, capability, extraProps))).get(0);
    }

    /**
     * Starts workers together and waits until every one is ready. A worker of the same name that is no longer
     * running (killed or stopped) is replaced, keeping its port; a running one is an error.
     */
    public List<ServiceProcess> startWorkers(List<WorkerSpec> specs) throws IOException {
        List<ServiceProcess> workers = new ArrayList<>();
        for (WorkerSpec spec : specs) {
            ServiceProcess previous = processes.get(spec.id());
            if (previous != null && previous.isAlive()) {
                throw new IllegalStateException("worker " + spec.id() + " is already running");
            }
            workers.add(workerProcess(spec.id(), spec.capability(), spec.extraProps(), previous));
        }
        processes.startTogether(workers, options.readyTimeout());
        recordPids();
        return workers;
    }

    /**
     * Stops a worker (SIGTERM: it drains) and forgets it, as scaling the farm down would: it is no longer among
     * {@link #processes()}, and a worker of that name can be started afresh.
     */
    public void retireWorker(String name) {
        ServiceProcess worker = processes.remove(name);
        if (worker == null) {
            throw new IllegalArgumentException("no worker " + name + " in this farm");
        }
        worker.stop();
        recordPids();
    }

    /**
     * Stops a service (SIGTERM) and starts it again on its port with its configuration plus {@code extraProps}
     * (an empty map puts back the configuration the farm started it with); returns once it is ready.
     */
    public ServiceProcess restartService(String name, Map<String, String> extraProps)
            throws IOException, InterruptedException {
        if (!SERVICES.contains(name)) {
            throw new IllegalArgumentException("no service " + name + "; services: " + SERVICES);
        }
        ServiceProcess previous = processes.get(name);
        previous.stop();
        Map<String, String> props = serviceProps(name);
        props.putAll(extraProps);
        ServiceProcess restarted = service(name, name, previous.port(), props);
        processes.replace(restarted);
        restarted.start();
        recordPids();
        restarted.awaitReady(options.readyTimeout());
        return restarted;
    }

    /** Stops every worker and service (last started first), then Kafka and PostgreSQL. */
    public void stop() {
        try {
            processes.stopAll();
        } finally {
            infrastructure.stop();
            try {
                pidFile.delete();
            } catch (IOException ignored) {
                // a stale pid file is ignored by ./farm down: every entry is checked against its start time
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private ServiceProcess workerProcess(String id, String capability, Map<String, String> extra) {
        return workerProcess(id, capability, extra, null);
    }

    private ServiceProcess workerProcess(String id, String capability, Map<String, String> extra,
                                         ServiceProcess previous) {
        Map<String, String> props = serviceProps("worker");
        props.put("tessera.worker.capability", capability);
        props.put("tessera.worker.id", id);
        props.put("tessera.worker.slots", "1");
        // a stopped worker drains (finishes or hands back its task) well within the launcher's kill grace
        props.put("tessera.worker.drain-grace", "5s");
        if ("gpu".equals(capability) && !GpuDetection.present()) {
            props.put("tessera.worker.gpu.simulate", "true");
        }
        props.putAll(options.extraPropsOf(id));
        props.putAll(extra);
        int port = previous != null ? previous.port() : FreePorts.free();
        return service(id, "worker", port, props);
    }

    private Map<String, String> serviceProps(String service) {
        Map<String, String> props = new HashMap<>();
        props.put("kafka.bootstrap.servers", bootstrapServers());
        props.put("tessera.output-root", options.outputRoot().toString());
        if (DATABASE_SERVICES.contains(service)) {
            props.putAll(infrastructure.serviceConfig());
        }
        if ("monitoring".equals(service)) {
            props.put("tessera.monitoring.lease-timeout", asConfigDuration(options.leaseTimeout()));
        }
        if ("provisioning".equals(service)) {
            props.put("tessera.provisioning.base-dir", options.repoRoot().toString());
            props.put("tessera.provisioning.log-dir", logs(options).toString());
            props.put("tessera.provisioning.gpu-simulate", String.valueOf(!GpuDetection.present()));
        }
        props.putAll(options.extraPropsOf(service));
        return props;
    }

    private ServiceProcess service(String name, String module, int port, Map<String, String> props) {
        Path jar = options.repoRoot().resolve("services").resolve(module)
                .resolve("target/quarkus-app/quarkus-run.jar");
        return new ServiceProcess(name, jar, port, options.jvmOptions(), props, logs(options).resolve(name + ".log"));
    }

    private void recordPids() {
        List<PidFile.Entry> entries = new ArrayList<>();
        entries.add(PidFile.Entry.of("farm", ProcessHandle.current()));
        entries.add(PidFile.Entry.of("kafka", infrastructure.kafka().process()));
        ProcessHandle.of(infrastructure.postgres().pid())
                .ifPresent(handle -> entries.add(PidFile.Entry.of("postgres", handle)));
        for (ServiceProcess process : processes.all()) {
            if (process.isAlive()) {
                entries.add(PidFile.Entry.of(process.name(), process.process().toHandle()));
            }
        }
        try {
            pidFile.write(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path logs(FarmOptions options) {
        return options.stateDir().resolve("logs");
    }

    /** {@code duration} as a config value: {@code 5s}, or {@code 1500ms} when it is not whole seconds. */
    static String asConfigDuration(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
