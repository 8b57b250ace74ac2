package io.tessera.segmentation.planning;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.segmentation.SegmentationConfig;
import io.tessera.segmentation.frames.FrameChunkStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Chooses the segmentation strategy of a job and plans its tasks. Only frame chunking exists today; tile and
 * layer strategies plug in here as further {@link SegmentationStrategy} implementations.
 */
@ApplicationScoped
public class Segmenter {

    private final FrameChunkStrategy frames;

    Segmenter(SegmentationConfig config) {
        this.frames = new FrameChunkStrategy(config.maxTasksPerJob());
    }

    /**
     * Checks what every strategy relies on, then plans the job's tasks.
     *
     * @throws InvalidEventException naming the field and the rule when the job cannot be planned
     */
    public List<TaskPlanned> plan(JobSubmitted job) {
        if (job.jobId() == null || job.jobId().isBlank()) {
            throw new InvalidEventException("jobId: is required");
        }
        if (job.requirements() == null || job.requirements().capability() == null) {
            throw new InvalidEventException("requirements.capability: is required");
        }
        return strategyFor(job).plan(job);
    }

    /** The strategy of a job; every job is cut by frames until tiles and layers exist. */
    SegmentationStrategy strategyFor(JobSubmitted job) {
        return frames;
    }
}
