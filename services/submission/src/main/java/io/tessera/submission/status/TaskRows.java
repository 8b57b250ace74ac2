package io.tessera.submission.status;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The task rows one poll touches, loaded together ({@link TaskReadModel#rows}) and changed in memory; the rows new to
 * the read model are persisted together, and Hibernate writes every change in batched statements when the
 * transaction commits. Nothing in between goes to the database, so no query flushes (and dirty-checks) the rows.
 */
final class TaskRows {

    private final Map<String, TaskEntity> byId;
    private final List<TaskEntity> created = new ArrayList<>();

    TaskRows(Map<String, TaskEntity> byId) {
        this.byId = byId;
    }

    /** The stored or created row of the task, null when there is none yet. */
    TaskEntity find(String taskId) {
        return byId.get(taskId);
    }

    /** A new row for the task, known only by its id (version -1); persisted by {@link #persistCreated()}. */
    TaskEntity create(String taskId) {
        TaskEntity task = new TaskEntity();
        task.taskId = taskId;
        task.passes = "[]";
        task.dependsOn = "[]";
        task.version = -1;
        byId.put(taskId, task);
        created.add(task);
        return task;
    }

    /** Persists the created rows; call inside the transaction that loaded the others. */
    Uni<Void> persistCreated() {
        if (created.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.persistAll(created.toArray()));
    }
}
