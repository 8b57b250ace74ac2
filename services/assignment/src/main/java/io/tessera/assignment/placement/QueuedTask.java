package io.tessera.assignment.placement;

import io.tessera.contracts.jobs.Requirements;
import java.time.Instant;
import java.util.Comparator;

/**
 * A ready task waiting in the queue, with what ranks it.
 *
 * @param preview   a key-frame task of a preview job: ahead of every regular task
 * @param priority  its job's priority (0–100, higher first)
 * @param jobSeenAt when the job's first task became ready (older jobs first among equal priorities)
 * @param order     its key-frame order within the job (0 first)
 */
public record QueuedTask(String taskId, int attempt, String jobId, Requirements requirements, boolean preview,
                         int priority, Instant jobSeenAt, int order) {

    /** The dispatch order: preview first, then priority desc, then job first seen asc, then order asc, task id. */
    public static final Comparator<QueuedTask> DISPATCH_ORDER = Comparator
            .comparing(QueuedTask::preview, Comparator.reverseOrder())
            .thenComparing(QueuedTask::priority, Comparator.reverseOrder())
            .thenComparing(QueuedTask::jobSeenAt)
            .thenComparingInt(QueuedTask::order)
            .thenComparing(QueuedTask::taskId);
}
