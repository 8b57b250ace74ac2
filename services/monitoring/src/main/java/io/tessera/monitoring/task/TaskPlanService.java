package io.tessera.monitoring.task;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.messaging.inbox.Inbox;
import io.tessera.monitoring.dag.Readiness;
import io.tessera.monitoring.dag.Readiness.Verdict;
import io.tessera.monitoring.job.JobEntity;
import io.tessera.monitoring.job.JobRows;
import io.tessera.monitoring.job.JobTracker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Records planned tasks at attempt 1: QUEUED with a TaskReady when runnable (every task it depends on SUCCEEDED
 * and its job released, see {@link Readiness}), WAITING otherwise, CANCELLED right away when the job already
 * ended. Then the job is re-evaluated and its progress published. The job row is created lazily when the TaskPlanned overtook the JobSubmitted; such a job is
 * not released before its JobSubmitted arrives, because its job dependencies are unknown until then.
 */
@ApplicationScoped
public class TaskPlanService {

    static final String CONSUMER = "monitoring-tasks-planned";

    private final Inbox inbox;
    private final JobRows jobs;
    private final JobTracker tracker;
    private final TaskTransitions transitions;

    TaskPlanService(Inbox inbox, JobRows jobs, JobTracker tracker, TaskTransitions transitions) {
        this.inbox = inbox;
        this.jobs = jobs;
        this.tracker = tracker;
        this.transitions = transitions;
    }

    /** Inserts the task unless it is present, in one transaction with its events. */
    public Uni<Void> planned(EventEnvelope envelope, TaskPlanned plan) {
        validate(plan);
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, envelope.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : jobs.ensureAndLock(plan.jobId()).chain(job -> insert(job, plan, Instant.now()))));
    }

    private Uni<Void> insert(JobEntity job, TaskPlanned plan, Instant now) {
        job.tasksTotal = plan.taskCount();
        if (job.capability == null) {
            job.capability = plan.requirements().capability().id();
        }
        return TaskEntity.<TaskEntity>findById(plan.taskId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            if (job.state.terminal()) {
                return create(job, plan, TaskState.CANCELLED, "job " + job.jobId + " is " + job.state, now);
            }
            return dependencyStates(plan).chain(states -> jobs.released(job).chain(released -> {
                Verdict verdict = Readiness.verdict(plan.dependsOn(), states, released);
                return switch (verdict) {
                    case READY -> create(job, plan, TaskState.QUEUED, null, now);
                    case WAITING -> create(job, plan, TaskState.WAITING, null, now);
                    case BLOCKED -> create(job, plan, TaskState.CANCELLED, blockedReason(plan, states), now);
                };
            }));
        });
    }

    private Uni<Void> create(JobEntity job, TaskPlanned plan, TaskState state, String reason, Instant now) {
        TaskEntity task = TaskEntity.planned(plan, state, now);
        task.reason = reason;
        return task.<TaskEntity>persist()
                .chain(() -> transitions.created(task, now))
                .invoke(() -> tracker.touch(job));
    }

    private static Uni<Map<String, TaskState>> dependencyStates(TaskPlanned plan) {
        if (plan.dependsOn().isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.flush().chain(Panache::getSession)
                .chain(session -> session.createQuery("select t.taskId, t.state from TaskEntity t"
                                + " where t.jobId = :jobId and t.taskId in (:ids)", Object[].class)
                        .setParameter("jobId", plan.jobId())
                        .setParameter("ids", plan.dependsOn())
                        .getResultList())
                .map(rows -> {
                    Map<String, TaskState> states = new HashMap<>();
                    rows.forEach(row -> states.put((String) row[0], (TaskState) row[1]));
                    return states;
                });
    }

    private static String blockedReason(TaskPlanned plan, Map<String, TaskState> states) {
        String failed = plan.dependsOn().stream()
                .filter(id -> states.get(id) == TaskState.DEAD || states.get(id) == TaskState.CANCELLED)
                .findFirst().orElseThrow();
        return "dependency " + failed + " failed: it is " + states.get(failed);
    }

    private static void validate(TaskPlanned plan) {
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
