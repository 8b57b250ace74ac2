package io.tessera.monitoring.task;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.messaging.inbox.Inbox;
import io.tessera.monitoring.job.JobEntity;
import io.tessera.monitoring.job.JobRows;
import io.tessera.monitoring.job.JobTracker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Records planned tasks: QUEUED at attempt 1 (assignment dispatches attempt 1), or CANCELLED right away when the
 * job already ended. The job row is created lazily when the TaskPlanned overtook the JobSubmitted.
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
            TaskEntity task = TaskEntity.queued(plan, now);
            if (job.state.terminal()) {
                task.state = TaskState.CANCELLED;
                task.reason = "job " + job.jobId + " is " + job.state;
            }
            return task.<TaskEntity>persist()
                    .chain(() -> transitions.created(task, now))
                    .chain(() -> tracker.refresh(job, now));
        });
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
    }

    static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + ": is required");
        }
    }
}
