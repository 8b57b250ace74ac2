package io.tessera.segmentation.planning;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.segmentation.SegmentationConfig;
import io.tessera.segmentation.frames.FrameChunkStrategy;
import io.tessera.segmentation.layers.LayerStrategy;
import io.tessera.segmentation.tiles.TileStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Chooses the segmentation strategy of a job by {@link JobSubmitted#strategy()} (frames, tiles or layers), plans
 * its tasks and checks the plan's dependency graph ({@link TaskGraph}) before anything is published. Every strategy
 * enforces {@code tessera.segmentation.max-tasks-per-job} before building a task.
 * <p>
 * Jobs with {@code autoChunk} are planned in waves by {@code auto.AutoChunkService} instead.
 */
@ApplicationScoped
public class Segmenter {

    private final FrameChunkStrategy frames;
    private final TileStrategy tiles;
    private final LayerStrategy layers;

    Segmenter(SegmentationConfig config) {
        this.frames = new FrameChunkStrategy(config.maxTasksPerJob());
        this.tiles = new TileStrategy(config.maxTasksPerJob());
        this.layers = new LayerStrategy(config.maxTasksPerJob());
    }

    /**
     * Checks what every strategy relies on, plans the job's tasks and checks their dependencies.
     *
     * @throws InvalidEventException naming the field and the rule when the job cannot be planned
     */
    public List<TaskPlanned> plan(JobSubmitted job) {
        checkCommon(job);
        List<TaskPlanned> tasks = strategyFor(job).plan(job);
        TaskGraph.check(tasks);
        return tasks;
    }

    /**
     * Checks what every job needs, whichever way it is planned: a jobId and a capability.
     *
     * @throws InvalidEventException naming the field
     */
    public static void checkCommon(JobSubmitted job) {
        if (job.jobId() == null || job.jobId().isBlank()) {
            throw new InvalidEventException("jobId: is required");
        }
        if (job.requirements() == null || job.requirements().capability() == null) {
            throw new InvalidEventException("requirements.capability: is required");
        }
    }

    /** The strategy the job asked for. */
    SegmentationStrategy strategyFor(JobSubmitted job) {
        return switch (job.strategy()) {
            case FRAMES -> frames;
            case TILES -> tiles;
            case LAYERS -> layers;
        };
    }
}
