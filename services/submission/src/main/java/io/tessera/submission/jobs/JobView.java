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
 * @param strategy  frames, tiles or layers
 * @param tiles     the grid of a tiles job (only the given pair set), else null
 * @param passes    the requested passes of a layers job, else empty
 * @param dependsOn the jobs that must complete before this one starts
 * @param preview   whether the job's key frames render before anyone else's regular frames
 * @param progress  task counts by state, frames done and progress per part ({@code tile}, {@code pass}, ...)
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
        Strategy strategy,
        TileGrid tiles,
        List<String> passes,
        List<String> dependsOn,
        boolean preview,
        String outputDir,
        Progress progress,
        String reason,
        Instant createdAt,
        Instant updatedAt) {

    /** The view of a stored job. */
    public static JobView of(JobEntity job) {
        boolean tiled = job.tileColumns != null || job.tileWidth != null;
        return new JobView(job.jobId, job.requestId, job.name, job.studio, job.state, job.priority, job.capability,
                new FrameRange(job.frameStart, job.frameEnd), job.chunkSize,
                job.strategy == null ? Strategy.FRAMES : job.strategy,
                tiled ? new TileGrid(job.tileColumns, job.tileRows, job.tileWidth, job.tileHeight) : null,
                JsonColumns.strings(job.passes), JsonColumns.strings(job.dependsOn), job.preview, job.outputDir,
                new Progress(job.tasksTotal, JsonColumns.counts(job.tasksByState), job.framesDone, job.framesTotal,
                        JsonColumns.parts(job.parts)),
                job.reason, job.createdAt, job.updatedAt);
    }
}
