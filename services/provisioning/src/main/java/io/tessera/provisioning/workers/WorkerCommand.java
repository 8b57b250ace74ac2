package io.tessera.provisioning.workers;

import io.tessera.contracts.Capability;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the argument list of a local worker process: the configured java command with the worker's system
 * properties inserted right after the executable (so they precede {@code -jar} or the main class). Never a shell.
 *
 * @param command          the configured command pieces, the executable first
 * @param baseDir          the working directory; relative pieces ending in {@code .jar} are resolved against it
 * @param bootstrapServers Kafka bootstrap servers passed to the worker
 * @param outputRoot       the farm's output root passed to the worker
 * @param gpuSimulate      passed to GPU workers as {@code tessera.worker.gpu.simulate}
 * @param distributionMode the farm's {@code tessera.distribution.mode}, passed to every worker
 */
public record WorkerCommand(List<String> command, Path baseDir, String bootstrapServers, String outputRoot,
                            boolean gpuSimulate, String distributionMode) {

    /** The full argument list starting worker {@code workerId} of {@code capability}. */
    public List<String> argumentsFor(Capability capability, String workerId) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("tessera.provisioning.worker-command: must name an executable");
        }
        List<String> args = new ArrayList<>();
        args.add(command.get(0));
        args.add("-Dkafka.bootstrap.servers=" + bootstrapServers);
        args.add("-Dtessera.output-root=" + outputRoot);
        args.add("-Dtessera.worker.capability=" + capability.id());
        args.add("-Dtessera.worker.id=" + workerId);
        args.add("-Dquarkus.http.port=0");
        args.add("-Dtessera.distribution.mode=" + distributionMode);
        if (capability == Capability.GPU) {
            args.add("-Dtessera.worker.gpu.simulate=" + gpuSimulate);
        }
        for (String piece : command.subList(1, command.size())) {
            args.add(resolve(piece));
        }
        return args;
    }

    private String resolve(String piece) {
        if (piece.endsWith(".jar") && !piece.startsWith("-") && !Path.of(piece).isAbsolute()) {
            return baseDir.resolve(piece).toAbsolutePath().normalize().toString();
        }
        return piece;
    }
}
