package io.tessera.contracts.coordination;

import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * Assignment's feedback in hybrid mode: it saw {@code toWorkerId} idle while {@code fromWorkerId} holds queued
 * tasks, and asks the latter to hand up to {@code tasks} of them on. Advisory: the asked worker hands on only what
 * it has not started, and only while the target still states free slots.
 *
 * @param fromWorkerId the worker with queued tasks
 * @param toWorkerId   the idle worker
 * @param capability   their capability
 * @param tasks        how many tasks to hand on at most
 * @param requestedAt  when assignment saw the imbalance
 */
public record HandOffRequested(String fromWorkerId, String toWorkerId, Capability capability, int tasks,
                               Instant requestedAt) implements TesseraEvent {

    @Override
    public String subject() {
        return fromWorkerId;
    }
}
