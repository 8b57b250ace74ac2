package io.tessera.monitoring.job;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tessera.contracts.JobState;
import io.tessera.contracts.envelope.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A job as monitoring sees it. Every transaction that changes a task of the job locks this row first, so the
 * job's progress and its version are computed from a consistent set of tasks.
 */
@Entity
@Table(name = "job")
public class JobEntity extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public String jobId;

    public String studio;

    /** Lowercase capability id, null until known. */
    public String capability;

    @Column(name = "frames_total", nullable = false)
    public int framesTotal;

    /** Tasks segmentation cut the job into (TaskPlanned.taskCount), 0 until the first TaskPlanned. */
    @Column(name = "tasks_total", nullable = false)
    public int tasksTotal;

    /**
     * True while the newest TaskPlanned of the job said segmentation will plan more tasks (autoChunk waves): the job
     * cannot complete until a TaskPlanned with {@code moreTasks=false} arrives.
     */
    @Column(name = "more_tasks", nullable = false)
    public boolean moreTasks;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobState state;

    public String reason;

    /** {@code frames}, {@code tiles} or {@code layers}; null until the JobSubmitted is seen. */
    public String strategy;

    /** Ids of the jobs that must COMPLETE before this job's tasks are released, as a JSON array. */
    @Column(name = "depends_on", nullable = false)
    public String dependsOn = "[]";

    /**
     * True once the JobSubmitted was seen. A row created by an overtaking TaskPlanned does not know the job's
     * dependencies yet, so none of its tasks is released before this is true.
     */
    @Column(nullable = false)
    public boolean submitted;

    /**
     * True when a task of the job changed since its progress was last evaluated; the {@link JobRefresher} clears it.
     */
    @Column(nullable = false)
    public boolean dirty;

    /**
     * The sequence of the newest lifecycle command (JobSuspended, JobResumed, JobRetryRequested) applied to the job;
     * 0 before any. Published in every JobProgress.
     */
    @Column(name = "lifecycle_sequence", nullable = false)
    public long lifecycleSequence;

    /** Failed attempts after which the job FAILS; null or 0: no limit (JobSubmitted.errorLimit). */
    @Column(name = "error_limit")
    public Integer errorLimit;

    /**
     * Failures of one worker on the job after which the worker is blocklisted for it; null or 0: never
     * (JobSubmitted.blocklistThreshold).
     */
    @Column(name = "blocklist_threshold")
    public Integer blocklistThreshold;

    /** Attempts of the job's tasks that failed (reported by a worker) since it was submitted or last retried. */
    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;

    /** Grows with every JobProgress published for the job. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Ids of the jobs this one depends on. */
    public List<String> dependsOnIds() {
        return List.of(Json.read(dependsOn, String[].class));
    }
}
