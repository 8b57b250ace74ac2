package io.tessera.segmentation.layers;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.tasks.OutputNames;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.segmentation.planning.PlanBuilder;
import io.tessera.segmentation.planning.SegmentationStrategy;
import io.tessera.segmentation.priority.KeyFrameOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts every frame of {@code [frameStart..frameEnd]} into render passes. Per frame, in plan order: one RENDER task
 * per rendered pass ({@code passes = [pass]}, one frame), then one COMPOSITE task that depends on the tasks of the
 * compositing inputs ({@link #COMPOSITE_INPUTS}) and reads their committed linear-float files
 * ({@link OutputNames#pass} with extension {@code pfm}) to write the frame ({@link OutputNames#frame}).
 * <p>
 * The rendered passes are the requested ones in the requested order (duplicates once), followed by the compositing
 * inputs the job did not request: the composite cannot be built without them, so they are rendered (and kept as
 * outputs) anyway. {@code ambient_occlusion} and {@code beauty} are extra outputs the composite does not read.
 * <p>
 * Frames are dispatched in key-frame order ({@link KeyFrameOrder}); a frame of rank {@code r} with {@code P} pass
 * tasks gives its pass at position {@code p} the order {@code r × (P + 1) + p} and its composite
 * {@code r × (P + 1) + P}. A preview job marks every task of the frames of the first
 * {@value KeyFrameOrder#PREVIEW_RANKS} ranks as preview.
 */
public class LayerStrategy implements SegmentationStrategy {

    /** Every pass id a layers job may request. */
    public static final List<String> PASSES =
            List.of("diffuse", "specular", "shadows", "reflections", "ambient_occlusion", "beauty");

    /** The passes a composite reads (the renderer's {@code Compositor.INPUTS}): rendered for every layers job. */
    public static final List<String> COMPOSITE_INPUTS = List.of("diffuse", "specular", "shadows", "reflections");

    private final int maxTasks;

    /** @param maxTasks the most tasks one job may be cut into */
    public LayerStrategy(int maxTasks) {
        this.maxTasks = maxTasks;
    }

    @Override
    public List<TaskPlanned> plan(JobSubmitted job) {
        List<String> passes = renderedPasses(job.passes());
        long frames = SegmentationStrategy.frameCount(job);
        Path outputDir = SegmentationStrategy.outputDir(job);
        int perFrame = passes.size() + 1;
        int taskCount = SegmentationStrategy.checkTaskLimit(SegmentationStrategy.product(frames, perFrame), maxTasks,
                "passes", "frames " + job.frameStart() + ".." + job.frameEnd() + " × (" + passes.size()
                        + " passes + 1 composite)");
        int[] ranks = KeyFrameOrder.ranks((int) frames);
        PlanBuilder plan = new PlanBuilder(job, taskCount);
        for (int f = 0; f < frames; f++) {
            int frame = job.frameStart() + f;
            int firstOrder = ranks[f] * perFrame;
            boolean preview = job.preview() && KeyFrameOrder.isPreviewRank(ranks[f]);
            Map<String, String> taskOfPass = new HashMap<>();
            for (int position = 0; position < passes.size(); position++) {
                String pass = passes.get(position);
                taskOfPass.put(pass, plan.add(TaskKind.RENDER, frame, frame, null, List.of(pass), List.of(),
                        List.of(), firstOrder + position, preview));
            }
            List<String> dependsOn = new ArrayList<>(COMPOSITE_INPUTS.size());
            List<TaskInput> inputs = new ArrayList<>(COMPOSITE_INPUTS.size());
            for (String pass : COMPOSITE_INPUTS) {
                dependsOn.add(taskOfPass.get(pass));
                inputs.add(new TaskInput(OutputNames.pass(outputDir, frame, pass, "pfm").toString(), frame, null,
                        pass));
            }
            plan.add(TaskKind.COMPOSITE, frame, frame, null, List.of(), inputs, dependsOn, firstOrder + passes.size(),
                    preview);
        }
        return plan.build();
    }

    /**
     * The passes rendered for a job requesting {@code requested}: the requested ones in order (each once), then the
     * compositing inputs not requested.
     *
     * @throws InvalidEventException when nothing is requested or a pass id is unknown
     */
    public static List<String> renderedPasses(List<String> requested) {
        if (requested.isEmpty()) {
            throw new InvalidEventException("passes: is required for strategy layers: one or more of " + PASSES);
        }
        Set<String> rendered = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String pass = requested.get(i);
            if (!PASSES.contains(pass)) {
                throw new InvalidEventException("passes[" + i + "]: must be one of " + PASSES + ", was '" + pass
                        + "'");
            }
            rendered.add(pass);
        }
        rendered.addAll(COMPOSITE_INPUTS);
        return List.copyOf(rendered);
    }
}
