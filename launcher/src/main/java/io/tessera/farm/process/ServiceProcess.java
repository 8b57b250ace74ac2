package io.tessera.farm.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Tessera service running as its own JVM ({@code java -jar .../quarkus-app/quarkus-run.jar}) with its
 * configuration passed as {@code -D} system properties and its output appended to a log file.
 * It can be stopped, killed and started again with the same port and configuration.
 */
public final class ServiceProcess {

    /** A loaded machine can take seconds to answer a health check; a slow answer is not a failed one. */
    private static final Duration READINESS_ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> jvmOptions;
    private final Map<String, String> properties;
    private final Path logFile;
    private Process process;

    /** Describes a service process; nothing runs until {@link #start()}. */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> properties, Path logFile) {
        this(name, jar, port, List.of(), properties, logFile);
    }

    /** As {@link #ServiceProcess(String, Path, int, Map, Path)}, the JVM also getting {@code jvmOptions}. */
    public ServiceProcess(String name, Path jar, int port, List<String> jvmOptions, Map<String, String> properties,
                          Path logFile) {
        this.name = name;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.jar = jar;
        this.port = port;
        this.properties = new TreeMap<>(properties);
        this.properties.put("quarkus.http.port", String.valueOf(port));
        this.properties.put("quarkus.http.host", "127.0.0.1");
        this.logFile = logFile;
    }

    /** Launches the JVM unless it is already running; returns this. */
    public synchronized ServiceProcess start() throws IOException {
        if (process != null && process.isAlive()) {
            return this;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build the services first (./mvnw -DskipTests install)");
        }
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(ProcessControl.javaExecutable(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true"));
        command.addAll(jvmOptions);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        return this;
    }

    /**
     * Waits until {@code /q/health/ready} answers 200 (a service without the health extension counts as ready
     * once HTTP answers 404); fails with the log's tail when the process exits or the timeout passes.
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(baseUrl().resolve("/q/health/ready"))
                .timeout(READINESS_ANSWER_TIMEOUT).GET().build();
        String lastAnswer = "no answer: the HTTP server is not listening yet";
        while (true) {
            Process current = process();
            if (current == null || !current.isAlive()) {
                throw new IllegalStateException(name + " exited before it was ready; tail of " + logFile + ":\n"
                        + ProcessControl.tail(logFile, 40));
            }
            try {
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 || answer.statusCode() == 404) {
                    return;
                }
                lastAnswer = answer.statusCode() + " " + answer.body();
            } catch (IOException notListeningYet) {
                // the HTTP server is not up yet, or the check took longer than the request's timeout
                lastAnswer = "no answer: " + notListeningYet;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + timeout + "; its last readiness answer: "
                        + lastAnswer + "\ntail of " + logFile + ":\n" + ProcessControl.tail(logFile, 40));
            }
            Thread.sleep(250);
        }
    }

    /**
     * SIGTERM, then SIGKILL after 10 s. Processes the service started itself (provisioning's local workers) are
     * stopped the same way if they outlive it, so no worker is left behind when the farm stops.
     */
    public void stop() {
        Process current = process();
        if (current != null) {
            List<ProcessHandle> started = current.descendants().toList();
            ProcessControl.terminate(current.toHandle(), ProcessControl.GRACE);
            started.stream().filter(ProcessHandle::isAlive)
                    .forEach(child -> ProcessControl.terminate(child, ProcessControl.GRACE));
        }
    }

    /** SIGKILL, as a crashing machine would; returns once the process is gone. */
    public void kill() throws InterruptedException {
        Process current = process();
        if (current != null) {
            current.destroyForcibly().waitFor();
        }
    }

    /**
     * SIGSTOP: the JVM freezes as a hung or swapped-out machine would (no heartbeat, no event, sockets stay open)
     * until {@link #resume()}.
     */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: a JVM frozen by {@link #pause()} runs on from where it stopped. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process current = process();
        if (current == null || !current.isAlive()) {
            throw new IllegalStateException(this.name + " is not running: cannot send SIG" + name);
        }
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(current.pid()))
                .redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + current.pid() + " (" + this.name + ") failed: " + output);
        }
    }

    /** The running (or last) JVM, null before the first start. */
    public synchronized Process process() {
        return process;
    }

    /** Whether the JVM is running. */
    public boolean isAlive() {
        Process current = process();
        return current != null && current.isAlive();
    }

    /** The service's name, e.g. {@code submission} or {@code cpu-1}. */
    public String name() {
        return name;
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Where the JVM's output goes. */
    public Path logFile() {
        return logFile;
    }

    /** Every {@code -D} property the JVM gets. */
    public Map<String, String> properties() {
        return Map.copyOf(properties);
    }
}
