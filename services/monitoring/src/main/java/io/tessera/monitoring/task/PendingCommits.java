package io.tessera.monitoring.task;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.tasks.TaskOutput;
import io.tessera.monitoring.output.OutputCommitter;
import io.vertx.mutiny.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * The output commits of a poll of task events, done together on one worker thread before the poll's transaction
 * commits (one hop off the event loop per poll instead of one per completed task). Each commit moves the accepted
 * attempt's staged files to their final paths and deletes the task's staging area; both are idempotent, so a poll
 * retried after a failure commits again safely. A failed commit fails the poll, whose events are then applied one
 * by one.
 */
final class PendingCommits {

    private record Commit(List<TaskOutput> outputs, String outputDir, String taskId) {
    }

    private final List<Commit> commits = new ArrayList<>();

    /** Adds the commit of an accepted attempt. */
    void add(List<TaskOutput> outputs, String outputDir, String taskId) {
        commits.add(new Commit(outputs, outputDir, taskId));
    }

    /** Commits everything added, in order, off the event loop. */
    Uni<Void> run(Vertx vertx, OutputCommitter committer) {
        if (commits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Commit> todo = List.copyOf(commits);
        commits.clear();
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            for (Commit commit : todo) {
                committer.commit(commit.outputs());
                committer.discardStaging(commit.outputDir(), commit.taskId());
            }
            return Boolean.TRUE;
        })).replaceWithVoid();
    }
}
