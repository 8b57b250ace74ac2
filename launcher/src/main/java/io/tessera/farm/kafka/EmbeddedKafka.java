package io.tessera.farm.kafka;

import io.tessera.farm.process.FreePorts;
import io.tessera.farm.process.ProcessControl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one process) running as its own JVM.
 * The broker's jars come from Maven Central; the build writes their paths to the {@code broker.classpath} resource.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final int port;
    private final Path logFile;
    private volatile Process process;

    private EmbeddedKafka(Path dir, int port, Path logFile, Process process) {
        this.dir = dir;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Formats the storage under {@code dir} (unless it already holds a broker's data), starts the broker on
     * {@code port} (0 picks a free port), waits until it answers and creates every topic of the farm.
     */
    public static EmbeddedKafka start(Path dir, int port, Path logFile) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        int brokerPort = FreePorts.orFree(port);
        int controllerPort = FreePorts.free();
        Path serverProperties = BrokerConfig.writeServerProperties(dir, brokerPort, controllerPort);
        Path log4j = BrokerConfig.writeLog4j(dir);
        String classpath = brokerClasspath();
        if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            List<String> format = javaCommand(classpath, log4j, "kafka.tools.StorageTool", "format",
                    "-t", clusterId(dir), "-c", serverProperties.toString(), "--ignore-formatted");
            format.add(1, "-XX:TieredStopAtLevel=1");
            run(format, logFile);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(dir, brokerPort, logFile,
                launch(classpath, log4j, serverProperties, logFile));
        try {
            kafka.awaitReadyAndCreateTopics();
        } catch (RuntimeException | InterruptedException e) {
            kafka.stop();
            throw e;
        }
        return kafka;
    }

    /**
     * {@code 127.0.0.1:<port>} of the broker last started with its data in {@code dir}, read from the configuration
     * it was started with (the port is picked anew on every start). Says nothing about whether it still runs.
     *
     * @throws IOException when no broker was ever started in {@code dir}
     */
    public static String bootstrapServersOf(Path dir) throws IOException {
        return BrokerConfig.readBootstrapServers(dir);
    }

    /** {@code 127.0.0.1:<port>} of the PLAINTEXT listener. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The PLAINTEXT listener's port. */
    public int port() {
        return port;
    }

    /** The broker JVM. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Where the broker's output goes. */
    public Path logFile() {
        return logFile;
    }

    /** SIGKILL, as a crashing machine would; returns once the broker is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * Starts the broker again after {@link #kill()} or {@link #stop()}, on the same data, port and controller
     * port, and waits until it answers.
     */
    public void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("the broker is still running");
        }
        Path serverProperties = dir.resolve("server.properties");
        process = launch(brokerClasspath(), BrokerConfig.writeLog4j(dir), serverProperties, logFile);
        awaitReadyAndCreateTopics();
    }

    /** Stops the broker: SIGTERM, then SIGKILL after 10 s. */
    public void stop() {
        ProcessControl.terminate(process.toHandle(), ProcessControl.GRACE);
    }

    @Override
    public void close() {
        stop();
    }

    /** An admin client connected to this broker; the caller closes it. */
    public Admin admin() {
        // Kafka loads its metrics reporters through the context class loader; inside a Quarkus test that loader
        // holds a second copy of kafka-clients, so create the client with the loader that loaded this class.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedKafka.class.getClassLoader());
        try {
            return Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void awaitReadyAndCreateTopics() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ":\n"
                            + ProcessControl.tail(logFile, 40));
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    break;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker not ready after " + READY_TIMEOUT + ":\n"
                                + ProcessControl.tail(logFile, 40));
                    }
                    Thread.sleep(200);
                }
            }
            TopicCreator.createAll(admin);
        }
    }

    private static Process launch(String classpath, Path log4j, Path serverProperties, Path logFile)
            throws IOException {
        return new ProcessBuilder(javaCommand(classpath, log4j, "kafka.Kafka", serverProperties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
    }

    private static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    private static List<String> javaCommand(String classpath, Path log4j, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessControl.javaExecutable(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(),
                "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static void run(List<String> command, Path logFile) throws IOException, InterruptedException {
        Process format = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("Kafka storage format failed:\n" + ProcessControl.tail(logFile, 40));
        }
    }

    private static String brokerClasspath() {
        try (InputStream in = EmbeddedKafka.class.getResourceAsStream("broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("broker.classpath resource missing: build the farm module first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
