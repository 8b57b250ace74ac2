package io.tessera.worker.gpu;

import io.tessera.contracts.workers.GpuInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Lists the machine's NVIDIA GPUs by running nvidia-smi as an argument array (never through a shell). A missing
 * binary, a non-zero exit or a timeout all mean "no GPU".
 */
public final class GpuDetector {

    /** The nvidia-smi query, as arguments. */
    public static final List<String> NVIDIA_SMI = List.of("nvidia-smi", "--query-gpu=name,memory.total",
            "--format=csv,noheader,nounits");

    private static final Logger LOG = Logger.getLogger(GpuDetector.class);

    private final List<String> command;
    private final Duration timeout;

    /** @param command the program and its arguments; @param timeout how long it may run */
    public GpuDetector(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    /** The detector Tessera uses: nvidia-smi with a 5 s timeout. */
    public static GpuDetector nvidiaSmi() {
        return new GpuDetector(NVIDIA_SMI, Duration.ofSeconds(5));
    }

    /** The GPUs found, empty when none or when detection failed. */
    public List<GpuInfo> detect() {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            LOG.debugf("GPU detection: %s not runnable (%s)", command.get(0), e.getMessage());
            return List.of();
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("GPU detection: %s did not finish within %s; assuming no GPU", command.get(0), timeout);
                return List.of();
            }
            String text = output.get(1, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                LOG.infof("GPU detection: %s exited with %d; assuming no GPU", command.get(0), process.exitValue());
                return List.of();
            }
            return NvidiaSmiParser.parse(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("GPU detection: cannot read the output of %s (%s); assuming no GPU", command.get(0), e);
            return List.of();
        } finally {
            process.destroyForcibly();
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
