package io.tessera.monitoring.task;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.messaging.inbox.Inbox;
import io.tessera.messaging.sequence.Sequential;
import io.tessera.monitoring.dag.Readiness;
import io.tessera.monitoring.dag.Readiness.Verdict;
import io.tessera.monitoring.job.JobEntity;
import io.tessera.monitoring.job.JobRows;
import io.tessera.monitoring.job.JobTracker;
import jakarta.enterprise.context.ApplicationScoped;
import io.tessera.messaging.outbox.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Records planned tasks at attempt 1: QUEUED with a TaskReady when runnable (every task it depends on SUCCEEDED
 * and its job released, see {@link Readiness}), WAITING otherwise, CANCELLED right away when the job already
 * ended; the job is touched, so the {@link JobTracker} re-evaluates it and publishes its progress shortly. The job
 * row is created lazily when the TaskPlanned overtook the JobSubmitted; such a job is not released before its
 * JobSubmitted arrives, because its job dependencies are unknown until then.
 */
@ApplicationScoped
public class TaskPlanService {

    static final String CONSUMER = "monitoring-tasks-planned";

    private final Inbox inbox;
    private final JobRows jobs;
    private final JobTracker tracker;
    private final TaskTransitions transitions;
    private final Outbox outbox;

    TaskPlanService(Inbox inbox, JobRows jobs, JobTracker tracker, TaskTransitions transitions, Outbox outbox) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.jobs = jobs;
        this.tracker = tracker;
        this.transitions = transitions;
    }

    /** A TaskPlanned and the envelope it came in. */
    public record Planned(EventEnvelope envelope, TaskPlanned plan) {
    }

    /** Inserts the task unless it is present, in one transaction with its events. */
    public Uni<Void> planned(EventEnvelope envelope, TaskPlanned plan) {
        validate(plan);
        return plannedAll(List.of(new Planned(envelope, plan)));
    }

    /**
     * Inserts the tasks not present yet, in poll order, in one transaction with their events and inbox entries:
     * one multi-row statement each for the inbox, the task rows and the outbox, one lock per job (in job id order),
     * one query for the tasks already known and one for the states of their dependencies.
     */
    public Uni<Void> plannedAll(List<Planned> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> inbox.firstDeliveries(CONSUMER,
                        batch.stream().map(p -> p.envelope().id()).toList())
                .chain(fresh -> {
                    Set<String> pending = new HashSet<>(fresh);
                    List<TaskPlanned> todo = batch.stream().filter(p -> pending.remove(p.envelope().id()))
                            .map(Planned::plan).toList();
                    return todo.isEmpty() ? Uni.createFrom().voidItem() : insertAll(todo, Instant.now());
                }));
    }

    private Uni<Void> insertAll(List<TaskPlanned> plans, Instant now) {
        Map<String, JobEntity> jobsById = new TreeMap<>();
        plans.forEach(plan -> jobsById.put(plan.jobId(), null));
        Map<String, Boolean> released = new HashMap<>();
        return Sequential.forEach(List.copyOf(jobsById.keySet()),
                        jobId -> jobs.ensureAndLock(jobId).invoke(job -> jobsById.put(jobId, job)))
                .chain(() -> Sequential.forEach(List.copyOf(jobsById.values()),
                        job -> jobs.released(job).invoke(r -> released.put(job.jobId, r))))
                .chain(() -> known(plans))
                .chain(known -> {
                    List<TaskEntity> created = new ArrayList<>();
                    List<Outbox.Pending> events = new ArrayList<>();
                    for (TaskPlanned plan : plans) {
                        JobEntity job = jobsById.get(plan.jobId());
                        // a job's TaskPlanned arrive in order (one partition): the newest tells the plan so far
                        job.tasksTotal = plan.taskCount();
                        job.moreTasks = plan.moreTasks();
                        if (job.capability == null) {
                            job.capability = plan.requirements().capability().id();
                        }
                        if (known.containsKey(plan.taskId())) {
                            continue;
                        }
                        TaskEntity task = create(job, plan, known, released.get(job.jobId), now);
                        known.put(task.taskId, new Known(task.jobId, task.state));
                        created.add(task);
                        events.addAll(transitions.createdEvents(task, now));
                        tracker.touch(job);
                    }
                    return Panache.getSession()
                            .chain(session -> session.persistAll(created.toArray()))
                            .chain(() -> outbox.addAll(events));
                });
    }

    /** A new task's row: CANCELLED when its job already ended, else QUEUED, WAITING or CANCELLED by its dependencies. */
    private static TaskEntity create(JobEntity job, TaskPlanned plan, Map<String, Known> known, boolean released,
                                     Instant now) {
        if (job.state.terminal()) {
            TaskEntity task = TaskEntity.planned(plan, TaskState.CANCELLED, now);
            task.reason = "job " + job.jobId + " is " + job.state;
            return task;
        }
        Map<String, TaskState> states = new HashMap<>();
        for (String dependency : plan.dependsOn()) {
            Known dep = known.get(dependency);
            if (dep != null && dep.jobId().equals(plan.jobId())) {
                states.put(dependency, dep.state());
            }
        }
        Verdict verdict = Readiness.verdict(plan.dependsOn(), states, released);
        TaskEntity task = TaskEntity.planned(plan, switch (verdict) {
            case READY -> TaskState.QUEUED;
            case WAITING -> TaskState.WAITING;
            case BLOCKED -> TaskState.CANCELLED;
        }, now);
        if (verdict == Verdict.BLOCKED) {
            task.reason = blockedReason(plan, states);
        }
        return task;
    }

    /** A task already recorded: its job and state. */
    private record Known(String jobId, TaskState state) {
    }

    /** The recorded tasks among the planned ones and their dependencies. */
    private static Uni<Map<String, Known>> known(List<TaskPlanned> plans) {
        Set<String> ids = new HashSet<>();
        for (TaskPlanned plan : plans) {
            ids.add(plan.taskId());
            ids.addAll(plan.dependsOn());
        }
        return Panache.getSession()
                .chain(session -> session.createQuery("select t.taskId, t.jobId, t.state from TaskEntity t"
                                + " where t.taskId in (:ids)", Object[].class)
                        .setParameter("ids", List.copyOf(ids))
                        .getResultList())
                .map(rows -> {
                    Map<String, Known> known = new HashMap<>();
                    rows.forEach(row -> known.put((String) row[0], new Known((String) row[1], (TaskState) row[2])));
                    return known;
                });
    }

    private static String blockedReason(TaskPlanned plan, Map<String, TaskState> states) {
        String failed = plan.dependsOn().stream()
                .filter(id -> states.get(id) == TaskState.DEAD || states.get(id) == TaskState.CANCELLED)
                .findFirst().orElseThrow();
        return "dependency " + failed + " failed: it is " + states.get(failed);
    }

    /** Checks what monitoring needs of a TaskPlanned; throws naming the field. */
    public static void validate(TaskPlanned plan) {
        require(plan.taskId(), "taskId");
        require(plan.jobId(), "jobId");
        require(plan.outputDir(), "outputDir");
        if (plan.requirements() == null || plan.requirements().capability() == null) {
            throw new InvalidEventException("requirements.capability: is required");
        }
        if (plan.taskCount() < 1 || plan.index() < 0 || plan.index() >= plan.taskCount()) {
            throw new InvalidEventException("index: must be in [0, taskCount) with taskCount >= 1");
        }
        if (plan.frameEnd() < plan.frameStart()) {
            throw new InvalidEventException("frameEnd: must not be less than frameStart");
        }
        plan.dependsOn().forEach(id -> require(id, "dependsOn"));
        if (plan.dependsOn().contains(plan.taskId())) {
            throw new InvalidEventException("dependsOn: a task cannot depend on itself");
        }
    }

    static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + ": is required");
        }
    }
}
