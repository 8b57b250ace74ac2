package io.tessera.segmentation.tiles;

import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.tasks.OutputNames;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.segmentation.planning.PlanBuilder;
import io.tessera.segmentation.planning.SegmentationStrategy;
import io.tessera.segmentation.priority.KeyFrameOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts every frame of {@code [frameStart..frameEnd]} into the tiles of the job's grid ({@link Tiling}, over the
 * scene's {@code width × height}). Per frame, in plan order: one RENDER task per tile in row-major order (region
 * set, one frame), then one ASSEMBLE task that depends on all of them and reads their committed tiles
 * ({@link OutputNames#tile}) to write the frame ({@link OutputNames#frame}).
 * <p>
 * Frames are dispatched in key-frame order ({@link KeyFrameOrder}); a frame of rank {@code r} with {@code T} tiles
 * gives its tile at row-major position {@code p} the order {@code r × (T + 1) + p} and its assembly
 * {@code r × (T + 1) + T}. A preview job marks every task of the frames of the first
 * {@value KeyFrameOrder#PREVIEW_RANKS} ranks as preview.
 */
public class TileStrategy implements SegmentationStrategy {

    private final int maxTasks;

    /** @param maxTasks the most tasks one job may be cut into */
    public TileStrategy(int maxTasks) {
        this.maxTasks = maxTasks;
    }

    @Override
    public List<TaskPlanned> plan(JobSubmitted job) {
        SceneSize size = SceneSize.of(job.scene());
        Tiling tiling = Tiling.of(size.width(), size.height(), job.tiles());
        long frames = SegmentationStrategy.frameCount(job);
        Path outputDir = SegmentationStrategy.outputDir(job);
        long perFrame = tiling.tileCount() + 1;
        int taskCount = SegmentationStrategy.checkTaskLimit(SegmentationStrategy.product(frames, perFrame), maxTasks,
                "tiles", "frames " + job.frameStart() + ".." + job.frameEnd() + " × (" + tiling.tileCount()
                        + " tiles + 1 assembly)");
        List<PixelRegion> regions = tiling.regions();
        int[] ranks = KeyFrameOrder.ranks((int) frames);
        PlanBuilder plan = new PlanBuilder(job, taskCount);
        for (int f = 0; f < frames; f++) {
            int frame = job.frameStart() + f;
            int firstOrder = ranks[f] * (int) perFrame;
            boolean preview = job.preview() && KeyFrameOrder.isPreviewRank(ranks[f]);
            List<String> tileTasks = new ArrayList<>(regions.size());
            List<TaskInput> tiles = new ArrayList<>(regions.size());
            for (int position = 0; position < regions.size(); position++) {
                PixelRegion region = regions.get(position);
                tileTasks.add(plan.add(TaskKind.RENDER, frame, frame, region, List.of(), List.of(), List.of(),
                        firstOrder + position, preview));
                tiles.add(new TaskInput(OutputNames.tile(outputDir, frame, region).toString(), frame, region, null));
            }
            plan.add(TaskKind.ASSEMBLE, frame, frame, null, List.of(), tiles, tileTasks,
                    firstOrder + regions.size(), preview);
        }
        return plan.build();
    }
}
