package io.tessera.submission.jobs;

import io.tessera.contracts.Capability;
import io.tessera.contracts.JobState;
import io.tessera.contracts.jobs.FrameRange;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.jobs.TileGrid;
import io.tessera.contracts.status.Progress;
import java.time.Instant;
import java.util.List;

/**
 * A job as the REST API shows it.
 *
 * @param chunkSize     frames per task; 1 for an autoChunk job (its probe), whose chunk sizes the task list shows
 * @param chunking      {@code fixed} (chunkSize) or {@code auto} (sized by segmentation from measured frame times)
 * @param targetSeconds the target task duration of an autoChunk job, else null
 * @param planComplete  false while segmentation will plan more tasks (an autoChunk job before its last wave):
 *                      {@code progress.tasksTotal} is then an estimate ({@link #tasksTotal})
 * @param strategy      frames, tiles or layers
 * @param tiles         the grid of a tiles job (only the given pair set), else null
 * @param passes        the requested passes of a layers job, else empty
 * @param dependsOn     the jobs that must complete before this one starts
 * @param preview       whether the job's key frames render before anyone else's regular frames
 * @param progress      task counts by state, frames done and progress per part ({@code tile}, {@code pass}, ...)
 * @param errorLimit    failed attempts (all tasks together) after which the job FAILS; 0: no limit
 * @param blocklistThreshold failures of one worker on the job after which that worker is blocklisted for it
 *                      ({@code GET /api/v1/jobs/{id}/blocklist}); 0: never
 * @param reason        why the job is SUSPENDED, FAILED or CANCELLED; a job that reached its error limit lists the
 *                      last distinct failure reasons
 */
public record JobView(
        String jobId,
        String requestId,
        String name,
        String studio,
        JobState state,
        int priority,
        Capability capability,
        FrameRange frames,
        int chunkSize,
        String chunking,
        Integer targetSeconds,
        boolean planComplete,
        Strategy strategy,
        TileGrid tiles,
        List<String> passes,
        List<String> dependsOn,
        boolean preview,
        String outputDir,
        Progress progress,
        int errorLimit,
        int blocklistThreshold,
        String reason,
        Instant createdAt,
        Instant updatedAt) {

    /** {@code chunking} of a job whose chunks are {@code chunkSize} frames. */
    public static final String FIXED = "fixed";
    /** {@code chunking} of an autoChunk job. */
    public static final String AUTO = "auto";

    /** The view of a stored job. */
    public static JobView of(JobEntity job) {
        boolean tiled = job.tileColumns != null || job.tileWidth != null;
        boolean auto = job.autoTargetSeconds != null;
        return new JobView(job.jobId, job.requestId, job.name, job.studio, job.state, job.priority, job.capability,
                new FrameRange(job.frameStart, job.frameEnd), job.chunkSize, auto ? AUTO : FIXED,
                job.autoTargetSeconds, job.planComplete,
                job.strategy == null ? Strategy.FRAMES : job.strategy,
                tiled ? new TileGrid(job.tileColumns, job.tileRows, job.tileWidth, job.tileHeight) : null,
                JsonColumns.strings(job.passes), JsonColumns.strings(job.dependsOn), job.preview, job.outputDir,
                new Progress(tasksTotal(job), JsonColumns.counts(job.tasksByState), job.framesDone,
                        job.framesTotal, JsonColumns.parts(job.parts)),
                job.errorLimit, job.blocklistThreshold, job.reason, job.createdAt, job.updatedAt);
    }

    /**
     * The job's task count. Once the plan is complete it is monitoring's count (or the strategy's before monitoring
     * reported; for an autoChunk job at least the tasks segmentation planned). While an autoChunk job still gets waves it is an estimate that is always larger than the tasks
     * planned so far, so succeeded tasks never add up to it early: the tasks planned so far plus the unplanned
     * frames in chunks of the latest wave's size (one task per frame before any wave).
     */
    static int tasksTotal(JobEntity job) {
        if (job.planComplete) {
            return Math.max(job.tasksTotal, job.tasksPlanned);
        }
        long frames = (long) job.frameEnd - job.frameStart + 1;
        long unplanned = Math.max(1, frames - job.framesPlanned);
        long chunk = Math.max(1, job.waveChunkSize);
        long estimate = job.tasksPlanned + (unplanned + chunk - 1) / chunk;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(job.tasksTotal, estimate));
    }
}
