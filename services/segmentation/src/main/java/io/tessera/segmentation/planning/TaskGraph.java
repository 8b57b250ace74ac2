package io.tessera.segmentation.planning;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskPlanned;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency graph of one job's plan, checked before anything is published: task ids are unique, every
 * {@code dependsOn} names a task of the same plan, and there is no cycle (Kahn's algorithm: repeatedly take the
 * tasks whose dependencies are all taken; tasks never taken lie on or behind a cycle). A plan failing the check is
 * never published: the JobSubmitted is dead-lettered with the reason.
 */
public final class TaskGraph {

    private TaskGraph() {
    }

    /**
     * Checks that {@code tasks} form a directed acyclic graph over their own ids.
     *
     * @throws InvalidEventException ({@code taskId: ...} or {@code dependsOn: ...}) naming the offending tasks
     */
    public static void check(List<TaskPlanned> tasks) {
        Map<String, TaskPlanned> byId = new LinkedHashMap<>();
        for (TaskPlanned task : tasks) {
            if (byId.putIfAbsent(task.taskId(), task) != null) {
                throw new InvalidEventException("taskId: " + task.taskId() + " is planned twice");
            }
        }
        Map<String, Integer> missing = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (TaskPlanned task : tasks) {
            Set<String> deps = new LinkedHashSet<>(task.dependsOn());
            for (String dep : deps) {
                if (!byId.containsKey(dep)) {
                    throw new InvalidEventException("dependsOn: task " + task.taskId() + " depends on " + dep
                            + ", which is not a task of job " + task.jobId());
                }
                dependents.computeIfAbsent(dep, d -> new ArrayList<>()).add(task.taskId());
            }
            missing.put(task.taskId(), deps.size());
        }
        Deque<String> runnable = new ArrayDeque<>();
        missing.forEach((id, count) -> {
            if (count == 0) {
                runnable.add(id);
            }
        });
        int taken = 0;
        while (!runnable.isEmpty()) {
            String id = runnable.poll();
            taken++;
            for (String dependent : dependents.getOrDefault(id, List.of())) {
                if (missing.merge(dependent, -1, Integer::sum) == 0) {
                    runnable.add(dependent);
                }
            }
        }
        if (taken < tasks.size()) {
            throw new InvalidEventException("dependsOn: tasks " + String.join(" -> ", cycle(byId, missing))
                    + " form a cycle");
        }
    }

    /**
     * A cycle among the tasks Kahn's algorithm could not take: each of them still waits for another such task, so
     * following those dependencies must revisit a task.
     */
    private static List<String> cycle(Map<String, TaskPlanned> byId, Map<String, Integer> missing) {
        String start = byId.keySet().stream().filter(id -> missing.get(id) > 0).findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        String current = start;
        while (!seenAt.containsKey(current)) {
            seenAt.put(current, path.size());
            path.add(current);
            current = byId.get(current).dependsOn().stream()
                    .filter(dep -> missing.get(dep) > 0).findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(seenAt.get(current), path.size()));
        cycle.add(current);
        return cycle;
    }
}
