package io.tessera.submission.status;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.submission.jobs.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The tasks of each job as monitoring reports them: queries and version-guarded upserts. */
@ApplicationScoped
public class TaskReadModel implements PanacheRepositoryBase<TaskEntity, String> {

    private final TaskAttempts attempts;

    TaskReadModel(TaskAttempts attempts) {
        this.attempts = attempts;
    }

    /** The job's tasks ordered by index. */
    public Uni<List<TaskView>> tasksOf(String jobId) {
        return Panache.withSession(() -> list("jobId", Sort.ascending("index"), jobId))
                .map(tasks -> tasks.stream().map(TaskView::of).toList());
    }

    /** The job's task with its failed and stalled attempts; null when the job has no such task. */
    public Uni<TaskDetail> task(String jobId, String taskId) {
        return Panache.withSession(() -> findById(taskId).chain(task -> task == null || !jobId.equals(task.jobId)
                ? Uni.createFrom().nullItem()
                : attempts.of(taskId).map(list -> new TaskDetail(TaskView.of(task), list))));
    }

    /**
     * Inserts or updates the task row when {@code event.version()} is newer than the stored one; call inside a
     * transaction. Events of a job arrive in order on one partition (key jobId), so find-then-write does not race.
     * A FAILED or STALLED status is kept as an attempt too ({@link TaskAttempts}), whatever its version.
     *
     * @return true when the row changed
     */
    Uni<Boolean> apply(TaskStatusChanged event) {
        return attempts.record(event).chain(() -> findById(event.taskId())).chain(existing -> {
            if (existing != null && existing.version >= event.version()) {
                return Uni.createFrom().item(false);
            }
            TaskEntity task = existing != null ? existing : unplanned(event.taskId());
            task.taskId = event.taskId();
            task.jobId = event.jobId();
            task.index = event.index();
            task.frameStart = event.frameStart();
            task.frameEnd = event.frameEnd();
            task.state = event.state();
            task.attempt = event.attempt();
            task.workerId = event.workerId();
            task.reason = event.reason();
            task.version = event.version();
            task.updatedAt = (event.at() != null ? event.at() : Instant.now()).truncatedTo(ChronoUnit.MICROS);
            return existing != null ? Uni.createFrom().item(true) : persist(task).map(saved -> true);
        });
    }

    /**
     * Inserts the task in state PLANNED, or fills the static information of a task whose status arrived first;
     * the state, attempt and worker are left to TaskStatusChanged. Call inside a transaction. Re-applying the same
     * TaskPlanned changes nothing.
     *
     * @return true when the task's TaskPlanned was not applied before (a redelivery answers false)
     */
    Uni<Boolean> apply(TaskPlanned event) {
        return findById(event.taskId()).chain(existing -> {
            boolean first = existing == null || existing.kind == null;
            TaskEntity task = existing;
            if (task == null) {
                task = unplanned(event.taskId());
                task.state = TaskState.PLANNED;
                task.attempt = 0;
                task.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            }
            task.jobId = event.jobId();
            task.index = event.index();
            task.frameStart = event.frameStart();
            task.frameEnd = event.frameEnd();
            task.kind = event.kind();
            task.part = event.part();
            task.regionX = event.region() == null ? null : event.region().x();
            task.regionY = event.region() == null ? null : event.region().y();
            task.regionWidth = event.region() == null ? null : event.region().width();
            task.regionHeight = event.region() == null ? null : event.region().height();
            task.passes = JsonColumns.strings(event.passes());
            task.dependsOn = JsonColumns.strings(event.dependsOn());
            task.order = event.order();
            return existing != null ? Uni.createFrom().item(first) : persist(task).replaceWith(first);
        });
    }

    private static TaskEntity unplanned(String taskId) {
        TaskEntity task = new TaskEntity();
        task.taskId = taskId;
        task.passes = "[]";
        task.dependsOn = "[]";
        task.version = -1;
        return task;
    }
}
