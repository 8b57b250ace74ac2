package io.tessera.assignment.placement;

/**
 * A placement decision: {@code task} goes to {@code workerId} through {@code partition} of the capability's task
 * topic (null: the worker reported no partitions, the record is keyed by task id only).
 */
public record Assignment(QueuedTask task, String workerId, Integer partition) {
}
