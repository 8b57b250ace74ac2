package io.tessera.provisioning.scaling;

import io.tessera.contracts.status.FarmStatus;
import java.time.Duration;
import java.time.Instant;

/** What provisioning remembers of one capability between farm statuses. Guarded by the owning service. */
final class CapabilityWatch {

    private FarmStatus lastStatus;
    private Instant queueEmptySince;
    private Instant lastActionAt;
    private int nextWorkerNumber = 1;
    private int expectedWorkers;
    private Instant expectedBy;

    /** Records a newly received status, starting or ending the idle period. */
    void observe(FarmStatus status, Instant now) {
        lastStatus = status;
        if (status.queuedTasks() > 0) {
            queueEmptySince = null;
        } else if (queueEmptySince == null) {
            queueEmptySince = now;
        }
    }

    FarmStatus lastStatus() {
        return lastStatus;
    }

    /** How long the queue has been empty, zero while tasks are queued. */
    Duration idle(Instant now) {
        return queueEmptySince == null ? Duration.ZERO : Duration.between(queueEmptySince, now);
    }

    Instant lastActionAt() {
        return lastActionAt;
    }

    void acted(Instant at) {
        lastActionAt = at;
    }

    /**
     * Remembers that workers were just started: until a status reports {@code workers} live workers (they report
     * only after they booted), or until {@code by}, the capability's count is not yet trustworthy.
     */
    void expect(int workers, Instant by) {
        expectedWorkers = workers;
        expectedBy = by;
    }

    /** True while started workers have not shown up in the farm status yet (and the grace has not run out). */
    boolean awaitingNewWorkers(Instant now) {
        if (expectedBy == null) {
            return false;
        }
        if (now.isAfter(expectedBy) || (lastStatus != null && lastStatus.workers() >= expectedWorkers)) {
            expectedBy = null;
            return false;
        }
        return true;
    }

    /** The next number of {@code <capability>-auto-<n>} worker ids. */
    int nextWorkerNumber() {
        return nextWorkerNumber++;
    }
}
