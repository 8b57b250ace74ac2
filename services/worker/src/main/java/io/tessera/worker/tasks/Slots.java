package io.tessera.worker.tasks;

import io.tessera.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

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

    /**
     * Waits for a free slot and takes it; gives up (false) when {@code giveUp} turns true or the thread is
     * interrupted.
     */
    public boolean take(BooleanSupplier giveUp) {
        try {
            while (!giveUp.getAsBoolean()) {
                if (free.tryAcquire(250, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
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
