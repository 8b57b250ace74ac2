package io.tessera.farm;

import io.tessera.contracts.DistributionMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start a {@link Farm}.
 *
 * @param repoRoot       the checkout holding {@code services/<name>/target/quarkus-app/quarkus-run.jar}
 * @param stateDir       Kafka and PostgreSQL data, logs per process and the pid file
 * @param outputRoot     where workers write frames ({@code <outputRoot>/<jobId>/})
 * @param submissionPort the REST gateway's port; 0 picks a free port (as do kafkaPort and postgresPort)
 * @param kafkaPort      the broker's port
 * @param postgresPort   the database's port
 * @param leaseTimeout   how long monitoring waits for a worker's heartbeat before it requeues the task
 * @param readyTimeout   how long each service may take to become ready
 * @param extraProps     additional {@code -D} properties per service name ({@code submission}, {@code cpu-1}, ...)
 * @param workers        the workers started after the services
 * @param jvmOptions     options of every service and worker JVM besides the launcher's own (heap, GC)
 */
public record FarmOptions(Path repoRoot, Path stateDir, Path outputRoot, int submissionPort, int kafkaPort,
                          int postgresPort, Duration leaseTimeout, Duration readyTimeout,
                          Map<String, Map<String, String>> extraProps, List<WorkerSpec> workers,
                          List<String> jvmOptions) {

    /** The property naming the farm's distribution mode. */
    public static final String DISTRIBUTION_MODE = "tessera.distribution.mode";

    /**
     * JVM options of every embedded farm (demo, up, tests, bench): the client compiler only. Ten JVMs share the
     * machine, and the server compiler's threads took 30-40 % of each JVM's CPU for minutes after start while the farm
     * worked (2026-12-08, 2 cores): with the client compiler alone a Quarkus service starts about a third faster, the
     * idle farm's submit→first-task-running p50 fell from 484 to 125 ms and a 500-task warm-up took 37 s instead of
     * 62 s. The peak speed the server compiler buys later never paid for that here. A deployment that gives each
     * service its own cores (Helm) keeps the JVM's default compilers.
     */
    public static final List<String> CLIENT_COMPILER = List.of("-XX:TieredStopAtLevel=1");

    /** Two CPU workers and one GPU worker. */
    public static final List<WorkerSpec> DEFAULT_WORKERS =
            List.of(WorkerSpec.of("cpu-1", "cpu"), WorkerSpec.of("cpu-2", "cpu"), WorkerSpec.of("gpu-1", "gpu"));

    /** Validates and freezes the options. */
    public FarmOptions {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
        outputRoot = outputRoot.toAbsolutePath().normalize();
        extraProps = Map.copyOf(extraProps);
        workers = List.copyOf(workers);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * What {@code ./farm up} uses: state in {@code .farm/}, frames in {@code out/}, REST on port 8080, and
     * provisioning allowed to add one CPU worker beside the two static ones when the queue is deep.
     */
    public static FarmOptions defaults(Path repoRoot) {
        return new FarmOptions(repoRoot, repoRoot.resolve(".farm"), repoRoot.resolve("out"), 8080, 0, 0,
                Duration.ofSeconds(15), Duration.ofSeconds(90),
                Map.of("provisioning", Map.of("tessera.provisioning.cpu.max", "3")), DEFAULT_WORKERS, CLIENT_COMPILER);
    }

    /**
     * For tests: state and frames under {@code workDir}, every port free, and up to 4 minutes for each process to
     * become ready (a CI machine of 2 cores starting a broker, a database and ten JVMs at once took over 90 s).
     */
    public static FarmOptions forTests(Path repoRoot, Path workDir) {
        return new FarmOptions(repoRoot, workDir.resolve("farm"), workDir.resolve("out"), 0, 0, 0,
                Duration.ofSeconds(15), Duration.ofMinutes(4), Map.of(), DEFAULT_WORKERS, CLIENT_COMPILER);
    }

    /** A copy with another REST port. */
    public FarmOptions withSubmissionPort(int port) {
        return new FarmOptions(repoRoot, stateDir, outputRoot, port, kafkaPort, postgresPort, leaseTimeout,
                readyTimeout, extraProps, workers, jvmOptions);
    }

    /** A copy with another lease timeout. */
    public FarmOptions withLeaseTimeout(Duration timeout) {
        return new FarmOptions(repoRoot, stateDir, outputRoot, submissionPort, kafkaPort, postgresPort, timeout,
                readyTimeout, extraProps, workers, jvmOptions);
    }

    /** A copy where each service and worker may take {@code timeout} to become ready. */
    public FarmOptions withReadyTimeout(Duration timeout) {
        return new FarmOptions(repoRoot, stateDir, outputRoot, submissionPort, kafkaPort, postgresPort, leaseTimeout,
                timeout, extraProps, workers, jvmOptions);
    }

    /** A copy with other workers. */
    public FarmOptions withWorkers(List<WorkerSpec> list) {
        return new FarmOptions(repoRoot, stateDir, outputRoot, submissionPort, kafkaPort, postgresPort,
                leaseTimeout, readyTimeout, extraProps, list, jvmOptions);
    }

    /**
     * A copy running in distribution mode {@code mode}: assignment, provisioning and every worker (the properties of
     * {@code worker} apply to all workers) get the same {@code tessera.distribution.mode}.
     */
    public FarmOptions withDistributionMode(DistributionMode mode) {
        Map<String, String> props = Map.of(DISTRIBUTION_MODE, mode.id());
        return withExtraProps("assignment", props).withExtraProps("provisioning", props).withExtraProps("worker", props);
    }

    /** A copy where {@code service} additionally gets {@code props}. */
    public FarmOptions withExtraProps(String service, Map<String, String> props) {
        Map<String, Map<String, String>> all = new HashMap<>(extraProps);
        Map<String, String> merged = new HashMap<>(all.getOrDefault(service, Map.of()));
        merged.putAll(props);
        all.put(service, Map.copyOf(merged));
        return new FarmOptions(repoRoot, stateDir, outputRoot, submissionPort, kafkaPort, postgresPort,
                leaseTimeout, readyTimeout, all, workers, jvmOptions);
    }

    /** The extra properties of {@code service}, empty when there are none. */
    public Map<String, String> extraPropsOf(String service) {
        return extraProps.getOrDefault(service, Map.of());
    }
}
