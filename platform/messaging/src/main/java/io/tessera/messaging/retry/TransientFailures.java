package io.tessera.messaging.retry;

import com.fasterxml.jackson.core.JacksonException;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.InvalidEventException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Tells a failure that says nothing about the record (the database or broker is unreachable, a connection or the
 * pool was closed, a lock or serialization conflict, the service is shutting down) from one the record causes every
 * time (invalid, or a bug its content triggers). A consumer retries the first kind until it passes and never
 * dead-letters it: a PostgreSQL outage, a failover or a rolling restart must not send valid events to a
 * dead-letter topic, where they would be lost to the farm. During shutdown a retried record is simply never
 * acknowledged, so its offset is not committed and the next consumer of its partition gets it again.
 */
public final class TransientFailures {

    private static final Logger LOG = Logger.getLogger(TransientFailures.class);

    /** SQLSTATE classes and codes that say the database, not the statement, failed: retry. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "53", "57", "58");
    private static final Set<String> TRANSIENT_SQL_CODES = Set.of("40001", "40P01", "55P03", "55006");
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);

    private static volatile boolean shuttingDown;

    private TransientFailures() {
    }

    /**
     * Whether {@code failure} may pass on a later try, whatever the record: true for connection, pool, timeout and
     * I/O failures, PostgreSQL's connection, resource, operator-intervention, serialization, deadlock and lock
     * errors, and for any failure once the service is shutting down; false for an invalid event and anything else.
     */
    public static boolean isTransient(Throwable failure) {
        if (shuttingDown) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidEventException || cause instanceof JacksonException) {
                return false;
            }
            if (cause instanceof IOException || cause instanceof TimeoutException
                    || cause instanceof io.smallrye.mutiny.TimeoutException
                    || cause.getClass().getName().equals("io.vertx.core.impl.NoStackTraceThrowable")
                    || cause.getClass().getName().equals("io.vertx.sqlclient.ClosedConnectionException")) {
                return true;
            }
            if (cause instanceof DatabaseException database && database.getSqlState() != null) {
                String state = database.getSqlState();
                return TRANSIENT_SQL_CODES.contains(state)
                        || TRANSIENT_SQL_CLASSES.contains(state.substring(0, Math.min(2, state.length())));
            }
        }
        return false;
    }

    /**
     * {@code work}, resubscribed with back-off (200 ms up to 5 s) for as long as it fails transiently; any other
     * failure goes through to the caller (and the record to its dead-letter topic).
     *
     * @param what names the record in the log, e.g. {@code farm.jobs.v1-2@17}
     */
    public static <T> Uni<T> retried(Uni<T> work, String what) {
        return work.onFailure(TransientFailures::isTransient)
                .invoke(e -> LOG.warnf("%s: %s; retrying until it passes (not dead-lettered)", what, e.toString()))
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(FIRST_BACK_OFF, MAX_BACK_OFF).atMost(Long.MAX_VALUE);
    }

    /** Names a record for {@link #retried}'s log line: {@code topic-partition@offset}. */
    public static String where(ConsumerRecord<?, ?> record) {
        return "record " + record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** Marks the service as running: a JVM may start the application again after a shutdown (tests do). */
    static void running() {
        shuttingDown = false;
    }

    /** Marks the service as shutting down (see {@link ShutdownWatch}). */
    static void shuttingDown() {
        shuttingDown = true;
    }
}
