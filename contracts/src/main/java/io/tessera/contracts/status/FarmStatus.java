package io.tessera.contracts.status;

import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/** Queue depth and worker capacity of one capability, published periodically by monitoring. */
public record FarmStatus(Capability capability, int queuedTasks, int runningTasks, int workers, int slots,
                         int freeSlots, Instant at) implements TesseraEvent {

    @Override
    public String subject() {
        return capability.id();
    }
}
