package io.tessera.monitoring.job;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.JobState;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.Progress;
import io.tessera.messaging.outbox.Outbox;
import io.tessera.monitoring.MonitoringMetrics;
import io.tessera.monitoring.task.TaskEntity;
import io.tessera.monitoring.task.TaskTransitions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Derives a (locked) job's state from its tasks and publishes its JobProgress through the outbox: RUNNING once a
 * task started, COMPLETED when every planned task SUCCEEDED, FAILED or CANCELLED with the remaining tasks
 * cancelled.
 */
@ApplicationScoped
public class JobTracker {

    private static final Logger LOG = Logger.getLogger(JobTracker.class);

    private final Outbox outbox;
    private final TaskTransitions transitions;
    private final MonitoringMetrics metrics;

    JobTracker(Outbox outbox, TaskTransitions transitions, MonitoringMetrics metrics) {
        this.outbox = outbox;
        this.transitions = transitions;
        this.metrics = metrics;
    }

    /** Re-derives the job's state after a task changed and publishes its progress. */
    public Uni<Void> refresh(JobEntity job, Instant now) {
        return tasksOf(job).chain(tasks -> {
            if (!job.state.terminal()) {
                long succeeded = tasks.stream().filter(t -> t.state == TaskState.SUCCEEDED).count();
                if (job.tasksTotal > 0 && succeeded >= job.tasksTotal) {
                    finish(job, JobState.COMPLETED, null);
                } else if (job.state == JobState.SUBMITTED && tasks.stream().anyMatch(JobTracker::started)) {
                    job.state = JobState.RUNNING;
                }
            }
            return publish(job, tasks, now);
        });
    }

    /** The job FAILED: every other non-terminal task is CANCELLED. */
    public Uni<Void> fail(JobEntity job, String reason, Instant now) {
        return end(job, JobState.FAILED, reason, now);
    }

    /** The job was CANCELLED: every non-terminal task is CANCELLED. */
    public Uni<Void> cancel(JobEntity job, String reason, Instant now) {
        return end(job, JobState.CANCELLED, reason, now);
    }

    private Uni<Void> end(JobEntity job, JobState state, String reason, Instant now) {
        if (job.state.terminal()) {
            return Uni.createFrom().voidItem();
        }
        finish(job, state, reason);
        String taskReason = "job " + job.jobId + " " + state.name().toLowerCase() + (reason == null ? "" : ": " + reason);
        return tasksOf(job).chain(tasks -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TaskEntity task : tasks) {
                if (!task.state.terminal()) {
                    chain = chain.chain(() -> transitions.cancel(task, taskReason, now));
                }
            }
            return chain.chain(() -> publish(job, tasks, now));
        });
    }

    private void finish(JobEntity job, JobState state, String reason) {
        job.state = state;
        job.reason = reason;
        metrics.jobFinished(state);
        LOG.infof("Job %s %s%s", job.jobId, state, reason == null ? "" : ": " + reason);
    }

    private Uni<Void> publish(JobEntity job, List<TaskEntity> tasks, Instant now) {
        job.version = job.version + 1;
        job.updatedAt = now;
        JobProgress progress = new JobProgress(job.jobId, job.state, progress(job, tasks), job.reason, job.version,
                now);
        return outbox.add(Topics.JOB_STATUS, job.jobId, "job:" + job.jobId + ":progress:" + job.version, progress);
    }

    /** The job's task counts by state and frames done (frames of SUCCEEDED tasks). */
    static Progress progress(JobEntity job, List<TaskEntity> tasks) {
        Map<String, Integer> byState = new LinkedHashMap<>();
        int framesDone = 0;
        int framesPlanned = 0;
        for (TaskEntity task : tasks) {
            byState.merge(task.state.name(), 1, Integer::sum);
            framesPlanned += task.frameCount();
            if (task.state == TaskState.SUCCEEDED) {
                framesDone += task.frameCount();
            }
        }
        int framesTotal = job.framesTotal > 0 ? job.framesTotal : framesPlanned;
        return new Progress(Math.max(job.tasksTotal, tasks.size()), byState, framesDone, framesTotal);
    }

    private static boolean started(TaskEntity task) {
        return task.state == TaskState.RUNNING || task.state == TaskState.SUCCEEDED || task.attempt > 1;
    }

    private static Uni<List<TaskEntity>> tasksOf(JobEntity job) {
        return Panache.flush().chain(() -> TaskEntity.<TaskEntity>list("jobId = ?1 order by index", job.jobId));
    }
}
