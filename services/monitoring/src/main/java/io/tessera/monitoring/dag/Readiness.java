package io.tessera.monitoring.dag;

import io.tessera.contracts.JobState;
import io.tessera.contracts.TaskState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The readiness policy of a job's task DAG and of job dependencies, free of I/O. A task may run when every task it
 * depends on SUCCEEDED and its job is released: the job's JobSubmitted was seen (until then its own dependencies
 * are unknown) and every job it depends on is COMPLETED. A job unknown to monitoring counts as not completed:
 * submission accepts a job only once its dependencies exist, so an unknown one is merely still on its way.
 */
public final class Readiness {

    /** What a task's dependencies allow. */
    public enum Verdict {
        /** Every dependency is done: the task may be queued now. */
        READY,
        /** Some dependency is not done yet (or the job is not released): the task waits. */
        WAITING,
        /** A dependency is DEAD or CANCELLED: the task can never run. */
        BLOCKED
    }

    /**
     * A task as the policy sees it.
     *
     * @param taskId    the task's id
     * @param state     its current state
     * @param dependsOn ids of tasks of the same job it depends on
     */
    public record Node(String taskId, TaskState state, List<String> dependsOn) {

        /** Normalises absent dependencies to none. */
        public Node {
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }
    }

    private Readiness() {
    }

    /**
     * True when a job's tasks may be released: its JobSubmitted was seen and every job it depends on is COMPLETED
     * ({@code states} lacks jobs unknown to monitoring, which count as not completed).
     */
    public static boolean jobReleased(boolean submitted, List<String> dependsOn, Map<String, JobState> states) {
        return submitted && dependsOn.stream().allMatch(id -> states.get(id) == JobState.COMPLETED);
    }

    /** The first job of {@code dependsOn} that FAILED or was CANCELLED, if any. */
    public static Optional<String> failedJob(List<String> dependsOn, Map<String, JobState> states) {
        return dependsOn.stream()
                .filter(id -> states.get(id) == JobState.FAILED || states.get(id) == JobState.CANCELLED)
                .findFirst();
    }

    /**
     * The verdict for a task with these dependencies, given the states of its job's tasks ({@code states} lacks
     * tasks not planned yet, which count as not succeeded).
     */
    public static Verdict verdict(List<String> dependsOn, Map<String, TaskState> states, boolean jobReleased) {
        boolean pending = false;
        for (String id : dependsOn) {
            TaskState state = states.get(id);
            if (state == TaskState.DEAD || state == TaskState.CANCELLED) {
                return Verdict.BLOCKED;
            }
            pending |= state != TaskState.SUCCEEDED;
        }
        return pending || !jobReleased ? Verdict.WAITING : Verdict.READY;
    }

    /** The WAITING tasks (in the given order) that may be queued now. */
    public static List<String> releasable(Collection<Node> tasks, boolean jobReleased) {
        if (!jobReleased) {
            return List.of();
        }
        Map<String, TaskState> states = new HashMap<>();
        tasks.forEach(node -> states.put(node.taskId(), node.state()));
        List<String> ready = new ArrayList<>();
        for (Node node : tasks) {
            if (node.state() == TaskState.WAITING && verdict(node.dependsOn(), states, true) == Verdict.READY) {
                ready.add(node.taskId());
            }
        }
        return ready;
    }

    /** Every task depending on {@code taskId} directly or transitively, nearest first; never {@code taskId} itself. */
    public static List<String> dependentsOf(Collection<Node> tasks, String taskId) {
        Map<String, List<String>> dependents = new HashMap<>();
        for (Node node : tasks) {
            for (String dependency : node.dependsOn()) {
                dependents.computeIfAbsent(dependency, k -> new ArrayList<>()).add(node.taskId());
            }
        }
        Set<String> found = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(taskId));
        while (!todo.isEmpty()) {
            for (String dependent : dependents.getOrDefault(todo.poll(), List.of())) {
                if (!dependent.equals(taskId) && found.add(dependent)) {
                    todo.add(dependent);
                }
            }
        }
        return List.copyOf(found);
    }
}
