package io.tessera.provisioning.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tessera.contracts.Capability;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerCommandTest {

    private final WorkerCommand command = new WorkerCommand(
            List.of("/opt/java/bin/java", "-Xmx256m", "-jar", "services/worker/target/quarkus-app/quarkus-run.jar"),
            Path.of("/farm"), "localhost:9092", "/farm/output", true, "decentralized");

    @Test
    void propertiesPrecedeTheJarAndTheJarResolvesAgainstTheBaseDir() {
        assertEquals(List.of("/opt/java/bin/java",
                "-Dkafka.bootstrap.servers=localhost:9092",
                "-Dtessera.output-root=/farm/output",
                "-Dtessera.worker.capability=gpu",
                "-Dtessera.worker.id=gpu-auto-3",
                "-Dquarkus.http.port=0",
                "-Dtessera.distribution.mode=decentralized",
                "-Dtessera.worker.gpu.simulate=true",
                "-Xmx256m", "-jar", "/farm/services/worker/target/quarkus-app/quarkus-run.jar"),
                command.argumentsFor(Capability.GPU, "gpu-auto-3"));
    }

    @Test
    void cpuWorkersGetNoGpuSimulation() {
        List<String> args = command.argumentsFor(Capability.CPU, "cpu-auto-1");
        assertFalse(args.stream().anyMatch(a -> a.startsWith("-Dtessera.worker.gpu.simulate")), args.toString());
        assertEquals("-Dtessera.worker.capability=cpu", args.get(3));
    }
}
