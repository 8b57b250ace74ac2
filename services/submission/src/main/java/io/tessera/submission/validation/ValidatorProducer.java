package io.tessera.submission.validation;

import io.tessera.submission.SubmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the pure validation objects from the service configuration. */
@ApplicationScoped
public class ValidatorProducer {

    @Produces
    @Singleton
    OutputPaths outputPaths(@ConfigProperty(name = "tessera.output-root") Path outputRoot) {
        return new OutputPaths(outputRoot);
    }

    @Produces
    @Singleton
    JobRequestValidator validator(SubmissionConfig config, OutputPaths outputs) {
        return new JobRequestValidator(config.maxFrames(), config.maxTasks(), config.maxSceneBytes(),
                config.minTileSize(), outputs, config.defaultErrorLimit(), config.defaultBlocklistThreshold());
    }
}
