package io.tessera.messaging.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay. */
@ConfigMapping(prefix = "tessera.outbox")
public interface OutboxConfig {

    /**
     * How often the relay looks for committed events in case a commit notification was missed (it is woken by
     * every commit that wrote events, see {@code R__outbox_notify.sql}, and whenever it reconnects to listen), or
     * after it failed to publish (the broker was away). A safety net: every idle look is a transaction for nothing.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** The database schema holding {@code outbox_event} and {@code inbox_event}: the service's own schema. */
    @WithDefault("${quarkus.application.name}")
    String schema();

    /** Rows published per transaction. */
    @WithDefault("500")
    int batchSize();
}
