package io.tessera.monitoring.task;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.tasks.TaskOutput;
import io.tessera.monitoring.output.OutputCommitter;
import io.vertx.mutiny.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The output commits of a poll of task events, done together on one worker thread before the poll's transaction
 * commits (one hop off the event loop per poll instead of one per completed task). Each commit moves the accepted
 * attempt's staged files to their final paths and deletes the task's staging area; both are idempotent, so a poll
 * retried after a failure commits again safely. A failed commit fails the poll, whose events are then applied one
 * by one. The staged files of ignored attempts are discarded after every commit of the poll (never before: a
 * task accepted earlier in the poll still has its files in its staging area); a failed discard is only logged.
 */
final class PendingCommits {

    private static final Logger LOG = Logger.getLogger(PendingCommits.class);

    private record Commit(List<TaskOutput> outputs, String outputDir, String taskId) {
    }

    private final List<Commit> commits = new ArrayList<>();
    private final List<Consumer<OutputCommitter>> discards = new ArrayList<>();

    /** Adds the commit of an accepted attempt. */
    void add(List<TaskOutput> outputs, String outputDir, String taskId) {
        commits.add(new Commit(outputs, outputDir, taskId));
    }

    /** Adds the discarding of an ignored attempt's staged files ({@code what} names it for the log). */
    void discard(String what, Consumer<OutputCommitter> discard) {
        discards.add(committer -> {
            try {
                discard.accept(committer);
            } catch (RuntimeException e) {
                LOG.warnf("Staged files of %s not deleted: %s", what, e.toString());
            }
        });
    }

    /** Commits everything added, in order, then discards, off the event loop. */
    Uni<Void> run(Vertx vertx, OutputCommitter committer) {
        if (commits.isEmpty() && discards.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Commit> todo = List.copyOf(commits);
        List<Consumer<OutputCommitter>> ignored = List.copyOf(discards);
        commits.clear();
        discards.clear();
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            for (Commit commit : todo) {
                committer.commit(commit.outputs());
                committer.discardStaging(commit.outputDir(), commit.taskId());
            }
            ignored.forEach(discard -> discard.accept(committer));
            return Boolean.TRUE;
        })).replaceWithVoid();
    }
}
