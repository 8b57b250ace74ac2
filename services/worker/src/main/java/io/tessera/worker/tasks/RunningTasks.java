package io.tessera.worker.tasks;

import io.tessera.contracts.workers.Lease;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The attempts this worker holds leases of right now. */
@ApplicationScoped
public class RunningTasks {

    private final Map<String, RunningTask> byKey = new ConcurrentHashMap<>();

    /** Registers an attempt. */
    public void add(RunningTask task) {
        byKey.put(task.key(), task);
    }

    /** Removes an attempt. */
    public void remove(RunningTask task) {
        byKey.remove(task.key(), task);
    }

    /** Whether this worker runs that attempt. */
    public boolean contains(String taskId, int attempt) {
        return byKey.containsKey(AttemptLedger.key(taskId, attempt));
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
