package io.tessera.contracts.tasks;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * Monitoring withdrew every task of a job it had announced as ready: the job FAILED (a task died or the job reached
 * its error limit) and its unfinished tasks were cancelled. Published on {@code farm.tasks.ready.v1} with the job as
 * key, so it comes after every TaskReady of the job announced before it and before any TaskReady of a later retry:
 * assignment drops the job's queued tasks (once per {@code ce_id}), so they are not dispatched and rendered for
 * nothing. A retry of the job announces its tasks again with new attempts.
 *
 * @param jobId       the job
 * @param reason      why (the job's failure reason)
 * @param withdrawnAt when monitoring cancelled the tasks
 */
public record TasksWithdrawn(String jobId, String reason, Instant withdrawnAt) implements TesseraEvent {

    @Override
    public String subject() {
        return jobId;
    }
}
