package io.tessera.contracts.coordination;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * Monitoring tells a worker that its lease on a task attempt is gone: the attempt was superseded (its lease expired
 * and the task was retried), the task was cancelled (its job was cancelled or failed), or the attempt was accepted
 * from another worker. The worker stops that render (or drops it if it has not started it) at once; whatever it
 * would still report for the attempt is ignored by monitoring anyway (fencing by attempt number).
 *
 * @param workerId  the worker holding the lease (the record's key)
 * @param taskId    the task
 * @param jobId     the task's job
 * @param attempt   the attempt whose lease is gone
 * @param reason    why, for the worker's log and the TaskFailed it reports
 * @param revokedAt when monitoring decided it
 */
public record LeaseRevoked(String workerId, String taskId, String jobId, int attempt, String reason,
                           Instant revokedAt) implements TesseraEvent {

    @Override
    public String subject() {
        return taskId;
    }
}
