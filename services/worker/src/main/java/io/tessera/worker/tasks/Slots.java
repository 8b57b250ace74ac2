package io.tessera.worker.tasks;

import io.tessera.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** The worker's render slots: at most {@code tessera.worker.slots} tasks run at once. */
@ApplicationScoped
public class Slots {

    private final int total;
    private final Semaphore free;

    @Inject
    public Slots(WorkerConfig config) {
        if (config.slots() < 1) {
            throw new IllegalArgumentException("tessera.worker.slots: must be >= 1, was " + config.slots());
        }
        this.total = config.slots();
        this.free = new Semaphore(total, true);
    }

    /** Number of slots. */
    public int total() {
        return total;
    }

    /** Slots not running a task. */
    public int free() {
        return free.availablePermits();
    }

    /** Slots running a task. */
    public int busy() {
        return total - free();
    }

    /** Takes a free slot if one frees within {@code millis}; false when none did or the thread was interrupted. */
    public boolean tryTake(long millis) {
        try {
            return free.tryAcquire(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives a slot back. */
    public void release() {
        free.release();
    }
}
