package io.tessera.assignment.queue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Remembers the jobs already warned about, so an unplaceable job is logged once, not once per task. */
public final class UnplaceableWarnings {

    private final Set<String> warnedJobs;

    /** @param remembered how many job ids to keep; the oldest is forgotten first */
    public UnplaceableWarnings(int remembered) {
        this.warnedJobs = Collections.newSetFromMap(Collections.synchronizedMap(
                new LinkedHashMap<>(16, 0.75f, false) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                        return size() > remembered;
                    }
                }));
    }

    /** True the first time it is asked about {@code jobId}. */
    public boolean firstFor(String jobId) {
        return warnedJobs.add(jobId);
    }
}
