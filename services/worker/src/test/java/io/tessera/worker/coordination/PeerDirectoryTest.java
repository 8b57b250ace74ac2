package io.tessera.worker.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.coordination.PeerStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which peer a worker hands a task to: fresh, running, with a free slot left after what it already handed on. */
class PeerDirectoryTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final MutableClock clock = new MutableClock();
    private final PeerDirectory peers = new PeerDirectory("cpu-1", Capability.CPU, Duration.ofSeconds(6), clock);

    @Test
    void thePeerWithTheMostFreeSlotsIsChosen() {
        peers.update(status("cpu-2", 1, 0, "RUNNING"));
        peers.update(status("cpu-3", 3, 0, "RUNNING"));
        assertEquals("cpu-3", peers.idlePeer().orElseThrow().workerId());
        assertEquals(List.of(4, 9), peers.idlePeer().orElseThrow().partitions());
    }

    @Test
    void busyDrainingStaleOrPartitionlessPeersAndOtherCapabilitiesAreNoTarget() {
        peers.update(status("busy", 0, 0, "RUNNING"));
        peers.update(status("draining", 2, 0, "DRAINING"));
        peers.update(new PeerStatus("nopartitions", Capability.CPU, 2, 2, 0, List.of(), "RUNNING", clock.instant()));
        peers.update(new PeerStatus("gpu-1", Capability.GPU, 2, 2, 0, List.of(1), "RUNNING", clock.instant()));
        peers.update(status("waiting", 1, 1, "RUNNING"));
        peers.update(status("cpu-1", 4, 0, "RUNNING"));
        assertEquals(Optional.empty(), peers.idlePeer());

        peers.update(status("idle", 1, 0, "RUNNING"));
        assertTrue(peers.idlePeer().isPresent());
        clock.advance(Duration.ofSeconds(7));
        assertEquals(Optional.empty(), peers.idlePeer(), "a status older than 6 s no longer counts");
    }

    @Test
    void aHandedOnTaskTakesThePeersSlotUntilItsNextStatus() {
        peers.update(status("cpu-2", 2, 0, "RUNNING"));
        peers.reserve("cpu-2");
        assertEquals(1, peers.idlePeer().orElseThrow().room());
        peers.reserve("cpu-2");
        assertEquals(Optional.empty(), peers.idlePeer(), "both free slots were handed a task");

        clock.advance(Duration.ofMillis(100));
        peers.update(status("cpu-2", 1, 0, "RUNNING"));
        assertEquals(1, peers.idlePeer().orElseThrow().room(), "its newer status counts instead");
    }

    @Test
    void anOlderStatusArrivingLateChangesNothing() {
        peers.update(status("cpu-2", 0, 0, "RUNNING"));
        peers.update(new PeerStatus("cpu-2", Capability.CPU, 2, 2, 0, List.of(4), "RUNNING",
                clock.instant().minusSeconds(1)));
        assertEquals(Optional.empty(), peers.idlePeer());
    }

    @Test
    void assignmentsRequestMakesAPeerATargetForThatManyTasks() {
        peers.update(status("cpu-2", 0, 0, "RUNNING"));
        peers.requested("cpu-2", 2);
        assertEquals("cpu-2", peers.idlePeer().orElseThrow().workerId());
        peers.reserve("cpu-2");
        peers.reserve("cpu-2");
        assertEquals(Optional.empty(), peers.idlePeer());
    }

    private PeerStatus status(String worker, int free, int waiting, String state) {
        return new PeerStatus(worker, Capability.CPU, 4, free, waiting, List.of(4, 9), state, clock.instant());
    }

    private static final class MutableClock extends Clock {
        private Instant now = T0;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
