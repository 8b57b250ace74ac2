package io.tessera.messaging.outbox;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * LISTENs on {@code <schema>_outbox}, where the {@code outbox_event} trigger ({@code R__outbox_notify.sql}) notifies
 * once per committed transaction that wrote events, and wakes the {@link OutboxRelay} on every notification and on
 * every (re)connection: an event is relayed within a round trip of its commit instead of up to a poll interval later.
 * A lost connection is re-established every second; meanwhile the relay's poll keeps events flowing.
 */
@ApplicationScoped
class OutboxNotifications {

    private static final Logger LOG = Logger.getLogger(OutboxNotifications.class);
    private static final long RECONNECT_MILLIS = 1_000;

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final String channel;
    private PgSubscriber subscriber;

    OutboxNotifications(Vertx vertx, OutboxConfig config,
                        @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                        @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        this.channel = config.schema() + "_outbox";
    }

    /** Starts listening; {@code wakeUp} runs (on an event-loop thread: it must not block) on every notification. */
    synchronized void listen(Runnable wakeUp) {
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> RECONNECT_MILLIS);
        subscriber.channel(channel)
                .subscribeHandler(v -> wakeUp.run())
                .handler(payload -> wakeUp.run());
        connect(subscriber);
    }

    private void connect(PgSubscriber current) {
        current.connect(connected -> {
            if (connected.failed()) {
                LOG.warnf("Cannot listen for outbox notifications on %s yet (the relay polls meanwhile): %s", channel,
                        connected.cause().toString());
                vertx.setTimer(RECONNECT_MILLIS, id -> retry(current));
            }
        });
    }

    private synchronized void retry(PgSubscriber failed) {
        if (subscriber == failed) {
            connect(failed);
        }
    }

    /** Stops listening. */
    synchronized void close() {
        if (subscriber != null) {
            subscriber.close();
            subscriber = null;
        }
    }
}
