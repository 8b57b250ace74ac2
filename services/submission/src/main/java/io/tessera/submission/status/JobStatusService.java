package io.tessera.submission.status;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.submission.jobs.JobEntity;
import io.tessera.submission.jobs.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Applies a poll of monitoring's status events, or of segmentation's TaskPlanned, to the jobs and the task read model
 * in one transaction with a few round trips: one query locks the poll's jobs (in job id order), one multi-row insert
 * records the failed and stalled attempts, one query loads the poll's task rows; the events are then applied in poll
 * order in memory and Hibernate writes the changed rows in batched statements at commit. The {@code version} of each
 * status event makes it idempotent: a redelivered or older event changes nothing; a TaskPlanned only ever writes the
 * same static information again.
 */
@ApplicationScoped
public class JobStatusService {

    private static final Logger LOG = Logger.getLogger(JobStatusService.class);

    private final JobRepository jobs;
    private final TaskReadModel tasks;
    private final TaskAttempts attempts;

    JobStatusService(JobRepository jobs, TaskReadModel tasks, TaskAttempts attempts) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.attempts = attempts;
    }

    /**
     * Applies JobProgress and TaskStatusChanged events (other events are skipped) in order, in one transaction: a job
     * changes when a JobProgress is newer than its stored status ({@link JobProgressPolicy}), a task row when a
     * TaskStatusChanged is newer than the row ({@link TaskReadModel#apply(TaskRows, TaskStatusChanged)}), and every
     * FAILED or STALLED status is kept as an attempt ({@link TaskAttempts}). The jobs of the task events are locked too,
     * so this never runs into {@link #onTasksPlanned} over the same task rows.
     */
    public Uni<Void> onStatuses(List<TesseraEvent> events) {
        List<JobProgress> progresses = new ArrayList<>();
        List<TaskStatusChanged> statuses = new ArrayList<>();
        Set<String> jobIds = new TreeSet<>();
        for (TesseraEvent event : events) {
            if (event instanceof JobProgress progress) {
                progresses.add(progress);
                jobIds.add(progress.jobId());
            } else if (event instanceof TaskStatusChanged status) {
                statuses.add(status);
                jobIds.add(status.jobId());
            }
        }
        if (jobIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> taskIds = statuses.stream().map(TaskStatusChanged::taskId).toList();
        return Panache.withTransaction(() -> jobs.lockAll(jobIds)
                .call(() -> attempts.recordAll(statuses))
                .chain(locked -> tasks.rows(taskIds).chain(rows -> {
                    progresses.forEach(progress -> apply(locked.get(progress.jobId()), progress));
                    statuses.forEach(status -> apply(rows, status));
                    return rows.persistCreated();
                })));
    }

    /**
     * Applies TaskPlanned events in order, in one transaction: each fills in its task's static information (kind,
     * part, region, passes, dependencies, order, frames); the first time a task of an autoChunk job is planned, its
     * job's plan so far changes too ({@link AutoChunkPlanPolicy}), so a redelivery never counts its frames twice.
     */
    public Uni<Void> onTasksPlanned(List<TaskPlanned> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> jobIds = new TreeSet<>();
        batch.forEach(planned -> jobIds.add(planned.jobId()));
        List<String> taskIds = batch.stream().map(TaskPlanned::taskId).toList();
        return Panache.withTransaction(() -> jobs.lockAll(jobIds)
                .chain(locked -> tasks.rows(taskIds).chain(rows -> {
                    for (TaskPlanned planned : batch) {
                        JobEntity job = locked.get(planned.jobId());
                        if (TaskReadModel.apply(rows, planned) && job != null) {
                            AutoChunkPlanPolicy.apply(job, planned);
                        }
                    }
                    return rows.persistCreated();
                })));
    }

    private static void apply(JobEntity job, JobProgress progress) {
        if (job == null) {
            LOG.debugf("JobProgress v%d for unknown job %s ignored", progress.version(), progress.jobId());
        } else if (!JobProgressPolicy.apply(job, progress)) {
            LOG.debugf("JobProgress v%s of job %s is not newer than v%s: ignored",
                    String.valueOf(progress.version()), progress.jobId(), String.valueOf(job.statusVersion));
        }
    }

    private static void apply(TaskRows rows, TaskStatusChanged status) {
        if (!TaskReadModel.apply(rows, status)) {
            LOG.debugf("TaskStatusChanged v%s of task %s (job %s) is not newer than the stored one: ignored",
                    String.valueOf(status.version()), status.taskId(), status.jobId());
        }
    }
}
