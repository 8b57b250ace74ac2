package io.tessera.messaging.retry;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Tells {@link TransientFailures} the service is shutting down, before the datasource and the channels close: from
 * then on every failure of a record is transient, so a record whose processing the shutdown interrupts ("Pool
 * closed", "No current Vertx context found") is left uncommitted for the next consumer, never dead-lettered.
 */
@ApplicationScoped
public class ShutdownWatch {

    void starting(@Observes StartupEvent event) {
        TransientFailures.running();
    }

    void stopping(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        TransientFailures.shuttingDown();
    }
}
