package io.tessera.worker.tasks;

import io.tessera.contracts.workers.Lease;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The attempts this worker holds leases of right now, from their TaskStarted until their final event. */
@ApplicationScoped
public class RunningTasks {

    private final Map<String, RunningTask> byKey = new ConcurrentHashMap<>();
    private final Object emptied = new Object();

    /** Registers an attempt. */
    public void add(RunningTask task) {
        byKey.put(task.key(), task);
    }

    /** Removes an attempt; wakes {@link #awaitNone(Duration)} when none is left. */
    public void remove(RunningTask task) {
        byKey.remove(task.key(), task);
        if (byKey.isEmpty()) {
            synchronized (emptied) {
                emptied.notifyAll();
            }
        }
    }

    /** Whether no attempt is running. */
    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /**
     * Waits until no attempt is running or {@code timeout} passed; true when none is running.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (emptied) {
            while (!byKey.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(emptied, left);
            }
        }
        return true;
    }

    /** Whether this worker runs that attempt. */
    public boolean contains(String taskId, int attempt) {
        return byKey.containsKey(AttemptLedger.key(taskId, attempt));
    }

    /** The running attempt, or null when this worker does not run it. */
    public RunningTask find(String taskId, int attempt) {
        return byKey.get(AttemptLedger.key(taskId, attempt));
    }

    /** The running attempts of a job. */
    public List<RunningTask> ofJob(String jobId) {
        return byKey.values().stream().filter(t -> t.jobId().equals(jobId)).toList();
    }

    /** Every running attempt. */
    public List<RunningTask> all() {
        return List.copyOf(byKey.values());
    }

    /** The leases of every running attempt, sorted by task id. */
    public List<Lease> leases() {
        return byKey.values().stream().map(RunningTask::lease)
                .sorted(Comparator.comparing(Lease::taskId).thenComparingInt(Lease::attempt)).toList();
    }
}
