package io.tessera.worker.engine;

import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.worker.staging.StagingPaths;
import java.util.List;

/**
 * What to produce for frames {@code frameStart..frameEnd} (inclusive) of a scene:
 * <ul>
 *   <li>{@link TaskKind#RENDER} without region and passes: the whole frame, beauty pass
 *       ({@link StagingPaths#frame(int)});</li>
 *   <li>RENDER with a {@code region}: that tile, beauty pass ({@link StagingPaths#tile});</li>
 *   <li>RENDER with {@code passes}: the whole frame's passes, each as {@code .pfm} and {@code .png}
 *       ({@link StagingPaths#pass});</li>
 *   <li>{@link TaskKind#ASSEMBLE}: the frame pasted together from the tile PNGs in {@code inputs};</li>
 *   <li>{@link TaskKind#COMPOSITE}: the frame composited from the pass PFMs in {@code inputs}.</li>
 * </ul>
 * Every file goes to its staged name ({@link StagingPaths#staged}).
 *
 * @param scene      the scene document (the built-in renderer's JSON format)
 * @param frameStart first frame
 * @param frameEnd   last frame
 * @param kind       render, assemble or composite
 * @param region     the tile to render; null for whole frames
 * @param passes     pass ids to render; empty for the beauty image
 * @param inputs     committed files an assemble or composite reads
 * @param outputs    final and staged names of this attempt's files
 */
public record RenderRequest(String scene, int frameStart, int frameEnd, TaskKind kind, PixelRegion region,
                            List<String> passes, List<TaskInput> inputs, StagingPaths outputs) {

    /** Normalises absent lists and kind. */
    public RenderRequest {
        kind = kind == null ? TaskKind.RENDER : kind;
        passes = passes == null ? List.of() : List.copyOf(passes);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    /** The request for a planned task, staged under {@code outputs}. */
    public static RenderRequest of(TaskPlanned task, StagingPaths outputs) {
        return new RenderRequest(task.scene(), task.frameStart(), task.frameEnd(), task.kind(), task.region(),
                task.passes(), task.inputs(), outputs);
    }

    /** Number of frames to produce. */
    public int frameCount() {
        return frameEnd - frameStart + 1;
    }

    /** The inputs that belong to {@code frame}. */
    public List<TaskInput> inputsOf(int frame) {
        return inputs.stream().filter(i -> i.frame() == frame).toList();
    }
}
