package io.tessera.monitoring.task;

/** What a worker event (or an expired lease) does to a task. */
public enum Action {
    /** The task starts RUNNING on the event's worker with a fresh lease. */
    START,
    /** The lease is renewed (and progress stored); the state does not change. */
    EXTEND_LEASE,
    /** The attempt's outputs are committed and the task SUCCEEDED. */
    COMMIT,
    /** The attempt failed or stalled; the task is QUEUED again with the next attempt and republished. */
    RETRY,
    /** The attempt failed or stalled and no attempt is left (or it cannot succeed): the task is DEAD. */
    DEAD,
    /**
     * The task is WAITING for its dependencies, so no worker can have been given it yet: the event overtook the
     * task's release (or its job's JobSubmitted) and is retried later.
     */
    DEFER,
    /** The event belongs to an attempt other than the current one: a late or zombie event, never applied. */
    STALE,
    /** The event is for the current attempt but changes nothing (duplicate, other worker, terminal task). */
    IGNORE
}
