package io.tessera.messaging.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.InvalidEventException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @AfterEach
    void running() {
        TransientFailures.running();
    }

    private static PgException pg(String sqlState) {
        return new PgException("message", "ERROR", sqlState, null);
    }

    @Test
    void databaseUnreachableOrBusyIsTransient() {
        assertTrue(TransientFailures.isTransient(new NoStackTraceThrowable("Pool closed")));
        assertTrue(TransientFailures.isTransient(new CompletionException(new ConnectException("Connection refused"))));
        assertTrue(TransientFailures.isTransient(pg("57P01")), "terminating connection due to administrator command");
        assertTrue(TransientFailures.isTransient(pg("08006")), "connection failure");
        assertTrue(TransientFailures.isTransient(pg("40001")), "serialization failure");
        assertTrue(TransientFailures.isTransient(pg("40P01")), "deadlock detected");
    }

    @Test
    void whatTheRecordCausesIsNot() {
        assertFalse(TransientFailures.isTransient(new InvalidEventException("jobId: is required")));
        assertFalse(TransientFailures.isTransient(new IllegalStateException(new JsonParseException(null, "bad"))),
                "a JSON parse error is an IOException, yet the record's fault");
        assertFalse(TransientFailures.isTransient(pg("23505")), "unique violation");
        assertFalse(TransientFailures.isTransient(pg("22001")), "value too long");
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
    }

    @Test
    void everyFailureIsTransientOnceShuttingDownAndNotAfterTheNextStart() {
        TransientFailures.shuttingDown();
        assertTrue(TransientFailures.isTransient(new IllegalStateException("No current Vertx context found")));
        assertTrue(TransientFailures.isTransient(new InvalidEventException("jobId: is required")));
        TransientFailures.running();
        assertFalse(TransientFailures.isTransient(new IllegalStateException("No current Vertx context found")));
    }

    @Test
    void aTransientFailureIsRetriedUntilItPasses() {
        AtomicInteger tries = new AtomicInteger();
        Uni<String> work = Uni.createFrom().deferred(() -> tries.incrementAndGet() < 4
                ? Uni.createFrom().failure(new NoStackTraceThrowable("Pool closed"))
                : Uni.createFrom().item("applied"));
        assertEquals("applied", TransientFailures.retried(work, "record t-0@1").await().atMost(Duration.ofSeconds(30)));
        assertEquals(4, tries.get());
    }

    @Test
    void anyOtherFailureGoesThroughAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        Uni<String> work = Uni.createFrom().deferred(() -> {
            tries.incrementAndGet();
            return Uni.createFrom().failure(new InvalidEventException("jobId: is required"));
        });
        assertThrows(InvalidEventException.class,
                () -> TransientFailures.retried(work, "record t-0@1").await().atMost(Duration.ofSeconds(30)));
        assertEquals(1, tries.get());
    }
}
