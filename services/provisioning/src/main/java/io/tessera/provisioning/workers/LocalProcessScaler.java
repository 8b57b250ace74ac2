package io.tessera.provisioning.workers;

import io.tessera.contracts.Capability;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs workers as local processes (the embedded default): {@link ProcessBuilder} with an argument list, the
 * base directory as working directory, stdout and stderr appended to {@code <logDir>/<workerId>.log}.
 * Stopping sends SIGTERM, waits up to the stop timeout, then kills.
 */
public final class LocalProcessScaler implements WorkerScaler {

    private static final Logger LOG = Logger.getLogger(LocalProcessScaler.class);

    private record Started(Capability capability, Process process) {
    }

    private final WorkerCommand command;
    private final Path logDir;
    private final Duration stopTimeout;
    private final Map<String, Started> workers = new LinkedHashMap<>();

    /**
     * @param command     how to start a worker
     * @param logDir      directory of the per-worker log files
     * @param stopTimeout how long a worker may take to exit after SIGTERM
     */
    public LocalProcessScaler(WorkerCommand command, Path logDir, Duration stopTimeout) {
        this.command = command;
        this.logDir = logDir;
        this.stopTimeout = stopTimeout;
    }

    @Override
    public synchronized void start(Capability capability, String workerId) {
        if (workers.containsKey(workerId)) {
            throw new IllegalArgumentException("workerId: " + workerId + " is already running");
        }
        List<String> args = command.argumentsFor(capability, workerId);
        try {
            Files.createDirectories(logDir);
            File log = logDir.resolve(workerId + ".log").toFile();
            Process process = new ProcessBuilder(args)
                    .directory(command.baseDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .start();
            workers.put(workerId, new Started(capability, process));
            LOG.infof("Started worker %s (pid %d), log %s: %s", workerId, process.pid(), log, args);
        } catch (IOException e) {
            throw new WorkerStartException("worker " + workerId + " could not be started with " + args, e);
        }
    }

    @Override
    public void stop(String workerId) {
        Started started;
        synchronized (this) {
            started = workers.remove(workerId);
        }
        if (started == null) {
            return;
        }
        Process process = started.process();
        process.destroy();
        try {
            if (!process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("Worker %s (pid %d) did not exit %s after SIGTERM; killing it", workerId, process.pid(),
                        stopTimeout);
                process.destroyForcibly().waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.infof("Stopped worker %s (pid %d)", workerId, process.pid());
    }

    @Override
    public synchronized List<String> running(Capability capability) {
        workers.entrySet().removeIf(e -> {
            boolean exited = !e.getValue().process().isAlive();
            if (exited) {
                LOG.warnf("Worker %s exited by itself with code %d", e.getKey(), e.getValue().process().exitValue());
            }
            return exited;
        });
        List<String> ids = new ArrayList<>();
        workers.forEach((id, started) -> {
            if (started.capability() == capability) {
                ids.add(id);
            }
        });
        return ids;
    }
}
