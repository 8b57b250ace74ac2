package io.tessera.worker.engine;

import io.quarkus.runtime.StartupEvent;
import io.tessera.worker.config.WorkerConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Chooses the worker's {@link RenderEngine} from {@code tessera.worker.engine}, wrapped in a
 * {@link FaultInjectingRenderEngine} when {@code tessera.worker.faults} is set. The engine is built at start-up, so a
 * bad setting stops the worker before it takes a task.
 */
@ApplicationScoped
public class RenderEngines {

    private static final Logger LOG = Logger.getLogger(RenderEngines.class);

    /**
     * The configured engine.
     *
     * @throws IllegalArgumentException naming the setting when the engine is unknown or its settings are invalid
     */
    @Produces
    @Singleton
    RenderEngine engine(WorkerConfig config) {
        RenderEngine engine = switch (config.engine()) {
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
        if (config.faults().isEmpty()) {
            return engine;
        }
        FaultRules faults = FaultRules.parse(config.faults().get());
        LOG.warnf("FAULT INJECTION ON (%s=%s): the attempts these rules name fail or hang instead of rendering;"
                + " for chaos tests only", FaultRules.PROPERTY, faults);
        return new FaultInjectingRenderEngine(faults, engine);
    }

    /** Builds the engine before the messaging connectors start (priority 1000): a bad setting fails start-up. */
    void buildAtStart(@Observes @Priority(700) StartupEvent event, RenderEngine engine) {
        LOG.infof("Render engine: %s", engine.getClass().getSimpleName());
    }
}
