package io.tessera.monitoring.component;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tessera.farm.Infrastructure;
import io.tessera.farm.testing.RealInfrastructure;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link RealInfrastructure} started with the thread's context class loader set to the one that loaded the farm
 * classes: Kafka's admin client loads its metrics reporters through the context class loader, and Quarkus starts
 * test resources on a thread whose context loader holds a second copy of kafka-clients.
 */
public class MonitoringInfrastructure implements QuarkusTestResourceLifecycleManager {

    private final RealInfrastructure real = new RealInfrastructure();

    @Override
    public Map<String, String> start() {
        return withFarmLoader(real::start);
    }

    @Override
    public void stop() {
        real.stop();
    }

    /** The JVM-wide infrastructure ({@link RealInfrastructure#shared()}). */
    static Infrastructure shared() {
        return withFarmLoader(RealInfrastructure::shared);
    }

    /** The output root the service commits to. */
    static Path outputRoot() {
        return withFarmLoader(RealInfrastructure::outputRoot);
    }

    private static <T> T withFarmLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RealInfrastructure.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
