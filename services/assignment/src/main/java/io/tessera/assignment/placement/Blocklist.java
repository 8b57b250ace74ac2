package io.tessera.assignment.placement;

import java.util.Map;
import java.util.Set;

/**
 * The workers blocklisted per job (JobWorkerBlocklisted, until a JobBlocklistCleared): {@link Placement} never gives a
 * job's task to one of them, not even when no other worker could run it. Such a task waits in the queue, as in
 * Deadline and OpenCue, until the blocklist is cleared or another compatible worker is free: a worker that keeps
 * failing a job only burns the job's error budget, and an operator who blocklisted it by policy expects it to stay
 * away.
 *
 * @param workersByJob blocklisted worker ids by job id
 */
public record Blocklist(Map<String, Set<String>> workersByJob) {

    /** No worker blocklisted for any job. */
    public static final Blocklist NONE = new Blocklist(Map.of());

    /** Copies the map. */
    public Blocklist {
        workersByJob = Map.copyOf(workersByJob);
    }

    /** True when {@code workerId} may not run tasks of {@code jobId}. */
    public boolean excludes(String jobId, String workerId) {
        Set<String> workers = workersByJob.get(jobId);
        return workers != null && workers.contains(workerId);
    }
}
