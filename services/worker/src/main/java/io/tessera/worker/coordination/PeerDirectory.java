package io.tessera.worker.coordination;

import io.tessera.contracts.Capability;
import io.tessera.contracts.coordination.PeerStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this worker knows of its peers from the coordination topic, thread-safe: their last PeerStatus, the slots
 * this worker has since filled by handing them tasks (reservations, dropped by the peer's next status or after
 * {@code staleAfter}), and the hand-offs assignment asked this worker for. A peer is a hand-off target while its
 * status is fresher than {@code staleAfter}, says RUNNING with no task waiting, names partitions, and has a free slot
 * left after the reservations, or assignment asked for tasks to be handed to it.
 */
public final class PeerDirectory {

    /** A peer a task can be handed to: one of the partitions it consumes, and how many it can take. */
    public record Target(String workerId, List<Integer> partitions, int room) {
    }

    private static final class Peer {
        PeerStatus status;
        Instant receivedAt;
        int reserved;
        Instant reservedAt;
        int requested;
        Instant requestedAt;
    }

    private final String self;
    private final Capability capability;
    private final Duration staleAfter;
    private final Clock clock;
    private final Map<String, Peer> peers = new HashMap<>();

    /**
     * @param self       this worker's id (its own status is not a peer)
     * @param capability this worker's capability (only peers of it count)
     * @param staleAfter how long a status, a reservation or a request counts
     */
    public PeerDirectory(String self, Capability capability, Duration staleAfter, Clock clock) {
        this.self = self;
        this.capability = capability;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** Records a peer's status; a status sent after this worker's last hand-off to it replaces the reservation. */
    public synchronized void update(PeerStatus status) {
        if (self.equals(status.workerId()) || status.capability() != capability) {
            return;
        }
        Peer peer = peers.computeIfAbsent(status.workerId(), id -> new Peer());
        if (peer.status != null && status.sentAt() != null && peer.status.sentAt() != null
                && status.sentAt().isBefore(peer.status.sentAt())) {
            return;
        }
        peer.status = status;
        peer.receivedAt = clock.instant();
        if (peer.reservedAt != null && status.sentAt() != null && status.sentAt().isAfter(peer.reservedAt)) {
            peer.reserved = 0;
            peer.reservedAt = null;
        }
    }

    /** Assignment asked this worker to hand up to {@code tasks} waiting tasks to {@code workerId}. */
    public synchronized void requested(String workerId, int tasks) {
        if (self.equals(workerId) || tasks < 1) {
            return;
        }
        Peer peer = peers.computeIfAbsent(workerId, id -> new Peer());
        peer.requested = tasks;
        peer.requestedAt = clock.instant();
    }

    /** The peer with the most room for a task, if any. */
    public synchronized Optional<Target> idlePeer() {
        Instant now = clock.instant();
        return peers.values().stream()
                .filter(p -> p.status != null && p.receivedAt.plus(staleAfter).isAfter(now))
                .filter(p -> "RUNNING".equals(p.status.state()) && !p.status.partitions().isEmpty())
                .map(p -> new Target(p.status.workerId(), p.status.partitions(), room(p, now)))
                .filter(t -> t.room() > 0)
                .max(Comparator.comparingInt(Target::room).thenComparing(Target::workerId,
                        Comparator.reverseOrder()));
    }

    /** Counts a task handed to {@code workerId}: one slot less until its next status. */
    public synchronized void reserve(String workerId) {
        Peer peer = peers.get(workerId);
        if (peer == null) {
            return;
        }
        Instant now = clock.instant();
        peer.reserved = live(peer.reservedAt, now) ? peer.reserved + 1 : 1;
        peer.reservedAt = now;
        if (peer.requested > 0) {
            peer.requested--;
        }
    }

    private int room(Peer peer, Instant now) {
        int reserved = live(peer.reservedAt, now) ? peer.reserved : 0;
        int free = peer.status.waiting() > 0 ? 0 : peer.status.freeSlots() - reserved;
        int requested = live(peer.requestedAt, now) ? peer.requested : 0;
        return Math.max(free, requested);
    }

    private boolean live(Instant since, Instant now) {
        return since != null && since.plus(staleAfter).isAfter(now);
    }
}
