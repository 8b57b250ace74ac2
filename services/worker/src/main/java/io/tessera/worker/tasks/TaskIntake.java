package io.tessera.worker.tasks;

import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.worker.cancel.CancelledJobs;
import io.tessera.worker.cancel.RevokedLeases;
import io.tessera.worker.config.WorkerConfig;
import io.tessera.worker.coordination.HandOff;
import io.tessera.worker.coordination.PeerCoordination;
import io.tessera.worker.coordination.PeerStatusPublisher;
import io.tessera.worker.events.EventNotAcknowledgedException;
import io.tessera.worker.events.TaskEventPublisher;
import io.tessera.worker.lifecycle.WorkerState;
import io.tessera.worker.staging.StagingPaths;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Takes a TaskDispatched record: validates it, skips attempts already taken, tasks of cancelled jobs and attempts
 * whose lease monitoring revoked (LeaseRevoked: superseded, cancelled or running elsewhere), waits for
 * a free slot, sends TaskStarted and waits for its ack, then hands the attempt to {@link TaskExecution}. Blocking:
 * runs on a worker thread.
 * <p>
 * In hybrid and decentralized modes a record that has waited {@code tessera.worker.hand-off-after} for a slot, or
 * that a draining worker holds, is handed to an idle peer instead ({@link HandOff}) and then acknowledged here: no
 * compatible worker idles while this one sits on work it cannot start.
 * <p>
 * Once the worker drains (SIGTERM) a record that has not got its TaskStarted yet is never started: it is left
 * unacknowledged, so its offset is never committed and the next owner of the partition in the group (another
 * worker, after this one left) takes it. The attempt is registered as running before the drain is checked a last
 * time, and the drain marks itself before it looks at the running attempts, so a record is either started and
 * waited for by the drain or left for another worker, never both and never neither.
 */
@ApplicationScoped
public class TaskIntake {

    private static final Logger LOG = Logger.getLogger(TaskIntake.class);
    private static final String DISPATCHED = EventTypes.typeOf(TaskDispatched.class);

    /** How often a waiting record checks for a slot, the drain and idle peers. */
    private static final long SLOT_POLL_MILLIS = 50;

    private final DispatchReader reader;

    @Inject
    WorkerConfig config;

    @Inject
    AttemptLedger ledger;

    @Inject
    RunningTasks running;

    @Inject
    CancelledJobs cancelled;

    @Inject
    RevokedLeases revoked;

    @Inject
    Slots slots;

    @Inject
    TaskEventPublisher events;

    @Inject
    TaskExecution execution;

    @Inject
    WorkerState state;

    @Inject
    PeerCoordination coordination;

    @Inject
    PeerStatusPublisher peerStatus;

    @Inject
    HandOff handOff;

    @Inject
    public TaskIntake(@ConfigProperty(name = "tessera.output-root") Path outputRoot) {
        this.reader = new DispatchReader(outputRoot);
    }

    /**
     * Handles one record of the task topic.
     *
     * @return true when the record may be acknowledged (taken, skipped or ignored); false when the worker is
     *         draining and the record must stay unacknowledged for another worker
     * @throws io.tessera.contracts.envelope.InvalidEventException for a record that is not a valid event
     */
    public boolean accept(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventEnvelope.from(record);
        if (!DISPATCHED.equals(envelope.type())) {
            LOG.debugf("Ignoring %s (%s) on the task topic", envelope.type(), envelope.id());
            return true;
        }
        TaskDispatched dispatched = envelope.event(TaskDispatched.class);
        Path outputDir = reader.check(dispatched);
        TaskPlanned task = dispatched.task();
        int attempt = dispatched.attempt();
        if (running.contains(task.taskId(), attempt) || !ledger.firstTime(task.taskId(), attempt)) {
            LOG.infof("Skipping redelivered taskId=%s attempt=%d jobId=%s: this worker already took it",
                    task.taskId(), attempt, task.jobId());
            return true;
        }
        if (skipCancelled(task, attempt)) {
            return true;
        }
        switch (waitForSlot(record, task, attempt)) {
            case HANDED_OFF -> {
                ledger.forget(task.taskId(), attempt);
                return true;
            }
            case LEFT -> {
                leaveForAnotherWorker(task, attempt);
                return false;
            }
            default -> peerStatus.changed();
        }
        RunningTask runningTask = new RunningTask(task, attempt, config.id(),
                new StagingPaths(outputDir, task.taskId(), attempt, config.id()));
        running.add(runningTask);
        boolean started = false;
        try {
            if (skipCancelled(task, attempt)) {
                return true;
            }
            if (!state.acceptsWork()) {
                leaveForAnotherWorker(task, attempt);
                return false;
            }
            events.started(runningTask);
            started = true;
        } catch (EventNotAcknowledgedException e) {
            LOG.warnf("TaskStarted of taskId=%s attempt=%d jobId=%s not acknowledged (%s); leaving the record"
                    + " to another worker", task.taskId(), attempt, task.jobId(), e.getMessage());
            ledger.forget(task.taskId(), attempt);
            return false;
        } finally {
            if (!started) {
                running.remove(runningTask);
                slots.release();
            }
        }
        LOG.infof("Task started taskId=%s attempt=%d jobId=%s part=%s frames=%d-%d (%d)", task.taskId(), attempt,
                task.jobId(), task.part(), task.frameStart(), task.frameEnd(), task.frameCount());
        execution.start(runningTask);
        return true;
    }

    /** How waiting for a slot ended. */
    private enum Wait { SLOT, HANDED_OFF, LEFT }

    /**
     * Takes a slot, or hands the record to an idle peer once it waited {@code hand-off-after} (or at once when the
     * worker drains), or gives up when the worker drains and no peer takes it (or the thread is interrupted).
     */
    private Wait waitForSlot(ConsumerRecord<String, String> record, TaskPlanned task, int attempt) {
        if (state.acceptsWork() && slots.tryTake(0)) {
            return Wait.SLOT;
        }
        coordination.waitingStarted();
        peerStatus.changed();
        long handOffAt = System.nanoTime() + config.handOffAfter().toNanos();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (!state.acceptsWork()) {
                    return handOff.offer(record, task.taskId(), attempt) ? Wait.HANDED_OFF : Wait.LEFT;
                }
                if (slots.tryTake(SLOT_POLL_MILLIS)) {
                    return Wait.SLOT;
                }
                if (System.nanoTime() - handOffAt >= 0 && handOff.offer(record, task.taskId(), attempt)) {
                    return Wait.HANDED_OFF;
                }
            }
            return Wait.LEFT;
        } finally {
            coordination.waitingEnded();
            peerStatus.changed();
        }
    }

    private void leaveForAnotherWorker(TaskPlanned task, int attempt) {
        ledger.forget(task.taskId(), attempt);
        LOG.infof("Not starting taskId=%s attempt=%d jobId=%s: worker %s is draining; the record stays unacknowledged"
                + " for another worker", task.taskId(), attempt, task.jobId(), config.id());
    }

    private boolean skipCancelled(TaskPlanned task, int attempt) {
        if (cancelled.contains(task.jobId())) {
            LOG.infof("Not starting taskId=%s attempt=%d: jobId=%s is cancelled", task.taskId(), attempt,
                    task.jobId());
            return true;
        }
        String revocation = revoked.reason(task.taskId(), attempt);
        if (revocation != null) {
            LOG.infof("Not starting taskId=%s attempt=%d jobId=%s: its lease was revoked (%s)", task.taskId(),
                    attempt, task.jobId(), revocation);
            return true;
        }
        return false;
    }
}
