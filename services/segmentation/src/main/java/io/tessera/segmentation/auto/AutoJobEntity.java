package io.tessera.segmentation.auto;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobSubmitted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An {@code autoChunk} job and how far it is planned. Every transaction that plans a wave of the job locks this row
 * first, so a wave is planned once even when completions of the same job race.
 */
@Entity
@Table(name = "auto_job")
public class AutoJobEntity extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public String jobId;

    /** The JobSubmitted as JSON: later waves copy its requirements, priority, scene and output directory. */
    public String job;

    /** The frame-time history key of the job's scene and capability ({@link SceneKey}). */
    @Column(name = "scene_key")
    public String sceneKey;

    @Column(name = "target_seconds")
    public int targetSeconds;

    /** Tasks planned so far: the index of the next task. */
    @Column(name = "next_index")
    public int nextIndex;

    /** The first frame not planned yet. */
    @Column(name = "next_frame")
    public long nextFrame;

    /** The latest wave: 0 the probe, 1.. the chunk waves. */
    public int wave;

    /** True once the last wave is planned (its tasks said {@code moreTasks = false}). */
    @Column(name = "plan_complete")
    public boolean planComplete;

    /** True once the job was cancelled: no further wave is planned. */
    public boolean cancelled;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A new row for {@code job}, before any wave. */
    static AutoJobEntity of(JobSubmitted job, String sceneKey, Instant now) {
        AutoJobEntity row = new AutoJobEntity();
        row.jobId = job.jobId();
        row.job = Json.write(job);
        row.sceneKey = sceneKey;
        row.targetSeconds = job.autoChunk().targetSeconds();
        AutoPlanState start = AutoPlanState.start(job.frameStart());
        row.nextIndex = start.nextIndex();
        row.nextFrame = start.nextFrame();
        row.wave = start.wave();
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }

    /** The JobSubmitted the job was planned from. */
    JobSubmitted submitted() {
        return Json.read(job, JobSubmitted.class);
    }

    /** How far the job is planned. */
    AutoPlanState state() {
        return new AutoPlanState(nextIndex, nextFrame, wave);
    }

    /** Records that {@code planned} was planned. */
    void planned(Wave planned, Instant now) {
        nextIndex = planned.after().nextIndex();
        nextFrame = planned.after().nextFrame();
        wave = planned.after().wave();
        planComplete = planned.last();
        updatedAt = now;
    }
}
