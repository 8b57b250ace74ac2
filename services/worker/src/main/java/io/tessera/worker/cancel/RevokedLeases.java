package io.tessera.worker.cancel;

import io.tessera.worker.tasks.AttemptLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attempts monitoring told this worker it no longer holds (LeaseRevoked): a revoked attempt that is still
 * waiting for a slot, or whose record arrives later, is never started. Remembers the most recent
 * {@value #CAPACITY} (oldest forgotten first): a revocation matters only while the attempt's record may still come.
 */
@ApplicationScoped
public class RevokedLeases {

    /** How many revoked attempts are remembered. */
    public static final int CAPACITY = 10_000;

    private final Map<String, String> reasons = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Records a revoked attempt with the reason; true when it was not known yet. */
    public synchronized boolean add(String taskId, int attempt, String reason) {
        return reasons.putIfAbsent(AttemptLedger.key(taskId, attempt), reason) == null;
    }

    /** Why the attempt was revoked, or null when it was not. */
    public synchronized String reason(String taskId, int attempt) {
        return reasons.get(AttemptLedger.key(taskId, attempt));
    }
}
