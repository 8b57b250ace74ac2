package io.tessera.monitoring.lease;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.coordination.LeaseRevoked;
import io.tessera.messaging.outbox.Outbox;
import io.tessera.monitoring.task.TaskEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Tells a worker that its lease on a task attempt is gone, through the outbox of the current transaction
 * (LeaseRevoked on {@code farm.coordination.v1}, key workerId): the worker stops that render instead of finishing
 * work nobody will accept. Called wherever monitoring learns that a worker still holds such an attempt: a lease it
 * expired, a heartbeat or an event from the worker naming an attempt that is no longer its own.
 */
@ApplicationScoped
public class LeaseRevocations {

    private static final Logger LOG = Logger.getLogger(LeaseRevocations.class);

    private final Outbox outbox;

    LeaseRevocations(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Why {@code workerId}'s lease on {@code attempt} of a task is gone, or null while it may still be valid.
     * It is gone when the task moved on to a later attempt, when the task ended (CANCELLED or DEAD) at that attempt,
     * or when that attempt runs on, or was accepted from, another worker. An attempt monitoring has not seen start
     * yet (QUEUED) or a later one than it knows is left alone.
     */
    public static String whyGone(TaskState state, int currentAttempt, String currentWorker, int attempt,
                                 String workerId) {
        if (attempt < currentAttempt) {
            return "attempt " + attempt + " was superseded by attempt " + currentAttempt;
        }
        if (attempt > currentAttempt) {
            return null;
        }
        if (state == TaskState.CANCELLED || state == TaskState.DEAD) {
            return "the task is " + state;
        }
        boolean heldElsewhere = currentWorker != null && !currentWorker.equals(workerId);
        if (heldElsewhere && state == TaskState.SUCCEEDED) {
            return "attempt " + attempt + " was accepted from worker " + currentWorker;
        }
        if (heldElsewhere && state == TaskState.RUNNING) {
            return "attempt " + attempt + " runs on worker " + currentWorker;
        }
        return null;
    }

    /** Revokes {@code workerId}'s lease on {@code attempt} of {@code task} if it is gone; true when it did. */
    public Uni<Boolean> revokeIfGone(TaskEntity task, String workerId, int attempt, Instant now) {
        String reason = whyGone(task.state, task.attempt, task.workerId, attempt, workerId);
        if (reason == null) {
            return Uni.createFrom().item(false);
        }
        return revoke(task, workerId, attempt, reason, now).replaceWith(true);
    }

    /** Revokes {@code workerId}'s lease on {@code attempt} of {@code task} for {@code reason}. */
    public Uni<Void> revoke(TaskEntity task, String workerId, int attempt, String reason, Instant now) {
        if (workerId == null || workerId.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        LOG.infof("Lease of task %s attempt %d on worker %s revoked: %s", task.taskId, attempt, workerId, reason);
        String eventId = "task:" + task.taskId + ":" + attempt + ":revoked:" + workerId + ":" + now.toEpochMilli();
        return outbox.add(new Outbox.Pending(Topics.COORDINATION, workerId, null, eventId,
                new LeaseRevoked(workerId, task.taskId, task.jobId, attempt, reason, now)));
    }
}
