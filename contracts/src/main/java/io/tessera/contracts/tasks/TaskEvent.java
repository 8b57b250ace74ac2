package io.tessera.contracts.tasks;

import io.tessera.contracts.envelope.TesseraEvent;

/** A report from a worker about one attempt of one task. */
public sealed interface TaskEvent extends TesseraEvent
        permits TaskStarted, TaskProgress, TaskCompleted, TaskFailed {

    String taskId();

    String jobId();

    int attempt();

    String workerId();

    @Override
    default String subject() {
        return taskId();
    }
}
