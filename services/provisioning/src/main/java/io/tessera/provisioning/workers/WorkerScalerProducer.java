package io.tessera.provisioning.workers;

import io.tessera.provisioning.ProvisioningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the {@link WorkerScaler} that {@code tessera.provisioning.scaler} names. */
@ApplicationScoped
public class WorkerScalerProducer {

    @Produces
    @ApplicationScoped
    WorkerScaler scaler(ProvisioningConfig config,
                        @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                        @ConfigProperty(name = "tessera.output-root") String outputRoot,
                        @ConfigProperty(name = "tessera.distribution.mode", defaultValue = "hybrid")
                        String distributionMode) {
        return switch (config.scaler()) {
            case LOCAL -> {
                Path baseDir = Path.of(config.baseDir()).toAbsolutePath().normalize();
                WorkerCommand command = new WorkerCommand(config.workerCommand(), baseDir, bootstrapServers,
                        outputRoot, config.gpuSimulate(), distributionMode);
                yield new LocalProcessScaler(command, baseDir.resolve(config.logDir()), config.stopTimeout());
            }
        };
    }
}
