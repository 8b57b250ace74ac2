package io.tessera.worker.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The (taskId, attempt) pairs this worker already took, so a redelivered record of an attempt it ran or runs is
 * skipped. Remembers the most recent {@link #DEFAULT_CAPACITY} attempts (oldest forgotten first); running attempts
 * are also guarded by {@link RunningTasks}.
 */
@ApplicationScoped
public class AttemptLedger {

    /** How many attempts are remembered. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, Boolean> seen;

    /** A ledger of {@link #DEFAULT_CAPACITY} attempts. */
    public AttemptLedger() {
        this(DEFAULT_CAPACITY);
    }

    /** A ledger remembering at most {@code capacity} attempts. */
    public AttemptLedger(int capacity) {
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The registry key of an attempt. */
    public static String key(String taskId, int attempt) {
        return taskId + "#" + attempt;
    }

    /** Records the attempt; true the first time, false when it was already taken. */
    public synchronized boolean firstTime(String taskId, int attempt) {
        return seen.putIfAbsent(key(taskId, attempt), Boolean.TRUE) == null;
    }

    /** Forgets an attempt that was recorded but never started, so a redelivery of it is taken. */
    public synchronized void forget(String taskId, int attempt) {
        seen.remove(key(taskId, attempt));
    }
}
