package io.tessera.worker.engine;

import io.tessera.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Chooses the worker's {@link RenderEngine} from {@code tessera.worker.engine}. */
@ApplicationScoped
public class RenderEngines {

    private static final Logger LOG = Logger.getLogger(RenderEngines.class);

    /**
     * The configured engine.
     *
     * @throws IllegalArgumentException naming the setting when the engine is unknown or its settings are invalid
     */
    @Produces
    @ApplicationScoped
    RenderEngine engine(WorkerConfig config) {
        return switch (config.engine()) {
            case "builtin" -> new BuiltinRenderEngine();
            case "simulated" -> {
                WorkerConfig.Simulated simulated = config.simulated();
                LOG.infof("Simulated render engine: mean %s per frame, Pareto alpha %s, speed factor %s",
                        simulated.mean(), simulated.alpha(), simulated.speedFactor());
                yield new SimulatedRenderEngine(simulated.mean(), simulated.alpha(), simulated.speedFactor());
            }
            default -> throw new IllegalArgumentException("tessera.worker.engine: must be builtin or simulated, was "
                    + config.engine());
        };
    }
}
