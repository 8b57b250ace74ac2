package io.tessera.submission.status;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.messaging.outbox.OutboxConfig;
import io.tessera.submission.jobs.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Applies monitoring's status events and segmentation's TaskPlanned to the jobs and the task read model, each in
 * its own transaction. The {@code version} of each status event makes it idempotent: a redelivered or older event
 * changes nothing; a TaskPlanned only ever writes the same static information again.
 */
@ApplicationScoped
public class JobStatusService {

    private static final Logger LOG = Logger.getLogger(JobStatusService.class);

    private final JobRepository jobs;
    private final TaskReadModel tasks;
    private final String planAutoTask;

    JobStatusService(JobRepository jobs, TaskReadModel tasks, OutboxConfig schema) {
        this.jobs = jobs;
        this.tasks = tasks;
        // an autoChunk job's plan so far; SET expressions see the row as it was, so the order does not matter
        this.planAutoTask = "update " + schema.schema() + ".job set"
                + " tasks_planned = greatest(tasks_planned, :taskCount),"
                + " frames_planned = frames_planned + :frames,"
                + " wave_chunk_size = case when :taskCount > tasks_planned then :frames"
                + "   when :taskCount = tasks_planned then greatest(wave_chunk_size, :frames) else wave_chunk_size end,"
                + " plan_complete = case when :taskCount >= tasks_planned then not :moreTasks else plan_complete end"
                + " where job_id = :jobId and auto_target_seconds is not null";
    }

    /** Updates the job's state and progress when the event is newer than what is stored. */
    public Uni<Void> onJobProgress(JobProgress progress) {
        return Panache.withTransaction(() -> jobs.findForUpdate(progress.jobId()).map(job -> {
            if (job == null) {
                LOG.debugf("JobProgress v%d for unknown job %s ignored", progress.version(), progress.jobId());
                return false;
            }
            boolean applied = JobProgressPolicy.apply(job, progress);
            if (!applied) {
                LOG.debugf("JobProgress v%s of job %s is not newer than v%s: ignored",
                        String.valueOf(progress.version()), progress.jobId(), String.valueOf(job.statusVersion));
            }
            return applied;
        })).replaceWithVoid();
    }

    /** Upserts the task row when the event is newer than what is stored. */
    public Uni<Void> onTaskStatus(TaskStatusChanged status) {
        return Panache.withTransaction(() -> tasks.apply(status)).replaceWithVoid();
    }

    /**
     * Upserts the task's static information (kind, part, region, passes, dependencies, order, frames); the first
     * time a task of an autoChunk job is planned, its job's plan so far too (tasks and frames planned, the latest
     * wave's chunk size, and whether the plan is complete: the latest wave's {@code moreTasks} is false).
     */
    public Uni<Void> onTaskPlanned(TaskPlanned planned) {
        return Panache.withTransaction(() -> tasks.apply(planned).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(session -> session.createNativeQuery(planAutoTask)
                        .setParameter("taskCount", planned.taskCount())
                        .setParameter("frames", planned.frameCount())
                        .setParameter("moreTasks", planned.moreTasks())
                        .setParameter("jobId", planned.jobId())
                        .executeUpdate()).replaceWithVoid()));
    }
}
