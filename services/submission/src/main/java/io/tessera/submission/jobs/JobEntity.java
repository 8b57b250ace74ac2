package io.tessera.submission.jobs;

import io.tessera.contracts.Capability;
import io.tessera.contracts.JobState;
import io.tessera.contracts.jobs.Strategy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A job the submission service accepted, with the latest status monitoring reported for it. */
@Entity
@Table(name = "job")
public class JobEntity {

    @Id
    @Column(name = "job_id")
    public String jobId;

    @Column(name = "request_id")
    public String requestId;

    public String name;

    public String studio;

    @Enumerated(EnumType.STRING)
    public JobState state;

    public int priority;

    @Enumerated(EnumType.STRING)
    public Capability capability;

    @Column(name = "min_cores")
    public Integer minCores;

    @Column(name = "min_memory_mb")
    public Integer minMemoryMb;

    @Column(name = "frame_start")
    public int frameStart;

    @Column(name = "frame_end")
    public int frameEnd;

    @Column(name = "chunk_size")
    public int chunkSize;

    @Column(name = "output_dir")
    public String outputDir;

    public String scene;

    @Enumerated(EnumType.STRING)
    public Strategy strategy;

    @Column(name = "tile_columns")
    public Integer tileColumns;

    @Column(name = "tile_rows")
    public Integer tileRows;

    @Column(name = "tile_width")
    public Integer tileWidth;

    @Column(name = "tile_height")
    public Integer tileHeight;

    /** The requested passes of a layers job as a JSON array. */
    public String passes;

    /** The ids of the jobs this one depends on as a JSON array. */
    @Column(name = "depends_on")
    public String dependsOn;

    public boolean preview;

    /** Progress per part as a JSON object, e.g. {@code {"tile":{"done":37,"total":100}}}. */
    public String parts;

    @Column(name = "tasks_total")
    public int tasksTotal;

    /** Task counts by state as a JSON object, e.g. {@code {"QUEUED":3,"RUNNING":1}}. */
    @Column(name = "tasks_by_state")
    public String tasksByState;

    @Column(name = "frames_done")
    public int framesDone;

    @Column(name = "frames_total")
    public int framesTotal;

    public String reason;

    /** The target task duration of an autoChunk job in seconds; null for fixed chunks. */
    @Column(name = "auto_target_seconds")
    public Integer autoTargetSeconds;

    /** autoChunk jobs: tasks segmentation planned so far (the latest TaskPlanned.taskCount). */
    @Column(name = "tasks_planned")
    public int tasksPlanned;

    /** autoChunk jobs: frames covered by the tasks planned so far. */
    @Column(name = "frames_planned")
    public long framesPlanned;

    /** autoChunk jobs: the chunk size of the latest wave (its longest task). */
    @Column(name = "wave_chunk_size")
    public int waveChunkSize;

    /** False while segmentation will plan more tasks of the job (an autoChunk job before its last wave). */
    @Column(name = "plan_complete")
    public boolean planComplete = true;

    /**
     * The number of the newest lifecycle command (suspend, resume, retry-failed) a studio gave the job; 0 before any.
     * A JobProgress reflecting an older command does not change the job's state.
     */
    @Column(name = "lifecycle_sequence")
    public long lifecycleSequence;

    /** The version of the last applied JobProgress; -1 before any. */
    /** Failed attempts after which the job FAILS; 0: no limit. */
    @Column(name = "error_limit")
    public int errorLimit;

    /** Failures of one worker on the job after which it is blocklisted for the job; 0: never. */
    @Column(name = "blocklist_threshold")
    public int blocklistThreshold;

    /** How often the job's blocklist was cleared: the sequence of its newest JobBlocklistCleared. */
    @Column(name = "blocklist_clears")
    public long blocklistClears;

    @Column(name = "status_version")
    public long statusVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
