package io.tessera.worker.cancel;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The ids of cancelled jobs, read from {@code farm.jobs.v1} from its beginning: their tasks never start. */
@ApplicationScoped
public class CancelledJobs {

    private final Set<String> jobIds = ConcurrentHashMap.newKeySet();

    /** Records a cancelled job; true when it was not known yet. */
    public boolean add(String jobId) {
        return jobIds.add(jobId);
    }

    /** Whether the job was cancelled. */
    public boolean contains(String jobId) {
        return jobIds.contains(jobId);
    }
}
