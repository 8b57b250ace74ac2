package io.tessera.farm.cli;

import io.tessera.farm.FarmOptions;
import io.tessera.farm.Infrastructure;
import io.tessera.farm.process.PidFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The farm that {@code ./farm up} or {@code ./farm demo} runs from a checkout, as a command run beside it sees it:
 * its Kafka broker is alive when {@code .farm/pids} lists a live {@code kafka} process, and listens where the
 * broker's {@code .farm/kafka/server.properties} says (the port is picked anew on every start).
 */
final class RunningFarm {

    private RunningFarm() {
    }

    /**
     * {@code host:port} of the running farm's broker.
     *
     * @throws IllegalStateException saying that no farm runs (and how to start one) when its broker is not alive
     */
    static String bootstrapServers(Path repoRoot) throws IOException {
        Path stateDir = FarmOptions.defaults(repoRoot).stateDir();
        Optional<PidFile.Entry> kafka = new PidFile(stateDir.resolve("pids")).read().stream()
                .filter(entry -> entry.name().equals("kafka"))
                .findFirst();
        if (kafka.isEmpty() || kafka.get().handle().isEmpty()) {
            throw new IllegalStateException("no farm is running from " + repoRoot + " (" + stateDir.resolve("pids")
                    + (kafka.isEmpty() ? " lists no Kafka broker" : " lists a Kafka broker that is gone")
                    + "): start one with ./farm up, or name a broker with --bootstrap-server <host:port>");
        }
        try {
            return Infrastructure.bootstrapServersOf(stateDir);
        } catch (IOException e) {
            throw new IllegalStateException("the farm's Kafka broker runs (pid " + kafka.get().pid()
                    + ") but its configuration is unreadable: " + e.getMessage(), e);
        }
    }
}
