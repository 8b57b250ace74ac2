package io.tessera.contracts.coordination;

import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;
import java.util.List;

/**
 * A worker's load as its peers need it, published on the coordination topic whenever a slot is taken or freed and
 * at least every heartbeat interval: peers hand work they cannot start to a worker that states free slots.
 *
 * @param workerId   the worker
 * @param capability its capability (peers only hand work within one capability)
 * @param slots      its render slots
 * @param freeSlots  slots not running a task (0 while draining)
 * @param waiting    tasks it holds that wait for one of its slots
 * @param partitions the partitions of its capability's task topic it consumes now: a hand-off goes to one of them
 * @param state      {@code RUNNING}, or {@code DRAINING} / {@code STOPPING} (it takes nothing handed to it)
 * @param sentAt     when it was sent
 */
public record PeerStatus(String workerId, Capability capability, int slots, int freeSlots, int waiting,
                         List<Integer> partitions, String state, Instant sentAt) implements TesseraEvent {

    /** Normalises an absent partition list to an empty one. */
    public PeerStatus {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }

    @Override
    public String subject() {
        return workerId;
    }
}
