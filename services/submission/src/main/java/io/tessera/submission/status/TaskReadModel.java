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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The tasks of each job as monitoring reports them: queries and version-guarded changes of their rows. */
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

    /** The stored rows of {@code taskIds}, with one query; call inside a transaction. */
    Uni<TaskRows> rows(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().item(new TaskRows(new HashMap<>()));
        }
        return list("taskId in ?1", List.copyOf(new LinkedHashSet<>(taskIds))).map(found -> {
            Map<String, TaskEntity> byId = new HashMap<>();
            found.forEach(task -> byId.put(task.taskId, task));
            return new TaskRows(byId);
        });
    }

    /**
     * Creates or updates the task's row in {@code rows} when {@code event.version()} is newer than the stored one.
     * Events of a job arrive in order on one partition (key jobId), so applying a poll's events in poll order gives
     * what applying them one by one would. The attempt of a FAILED or STALLED status is recorded apart
     * ({@link TaskAttempts#recordAll}), whatever its version.
     *
     * @return true when the row changed
     */
    static boolean apply(TaskRows rows, TaskStatusChanged event) {
        TaskEntity existing = rows.find(event.taskId());
        if (existing != null && existing.version >= event.version()) {
            return false;
        }
        TaskEntity task = existing != null ? existing : rows.create(event.taskId());
        place(task, event.jobId(), event.index(), event.frameStart(), event.frameEnd());
        task.state = event.state();
        task.attempt = event.attempt();
        task.workerId = event.workerId();
        task.reason = event.reason();
        task.version = event.version();
        task.updatedAt = (event.at() != null ? event.at() : Instant.now()).truncatedTo(ChronoUnit.MICROS);
        return true;
    }

    /**
     * Creates the task's row in state PLANNED, or fills the static information of a task whose status arrived first;
     * the state, attempt and worker are left to TaskStatusChanged. Re-applying the same TaskPlanned changes nothing.
     *
     * @return true when the task's TaskPlanned was not applied before (a redelivery answers false)
     */
    static boolean apply(TaskRows rows, TaskPlanned event) {
        TaskEntity task = rows.find(event.taskId());
        boolean first = task == null || task.kind == null;
        if (task == null) {
            task = rows.create(event.taskId());
            task.state = TaskState.PLANNED;
            task.attempt = 0;
            task.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        place(task, event.jobId(), event.index(), event.frameStart(), event.frameEnd());
        task.kind = event.kind();
        task.part = event.part();
        task.regionX = event.region() == null ? null : event.region().x();
        task.regionY = event.region() == null ? null : event.region().y();
        task.regionWidth = event.region() == null ? null : event.region().width();
        task.regionHeight = event.region() == null ? null : event.region().height();
        task.passes = JsonColumns.strings(event.passes());
        task.dependsOn = JsonColumns.strings(event.dependsOn());
        task.order = event.order();
        return first;
    }

    /** Where the task sits in its job; both event types carry it. */
    private static void place(TaskEntity task, String jobId, int index, int frameStart, int frameEnd) {
        task.jobId = jobId;
        task.index = index;
        task.frameStart = frameStart;
        task.frameEnd = frameEnd;
    }
}
