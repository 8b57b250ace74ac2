package io.tessera.contracts.status;

import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/** Provisioning started or stopped a worker. {@code action} is {@code STARTED} or {@code STOPPED}. */
public record WorkerScaled(Capability capability, String action, String workerId, String reason, Instant at)
        implements TesseraEvent {

    @Override
    public String subject() {
        return workerId;
    }
}
