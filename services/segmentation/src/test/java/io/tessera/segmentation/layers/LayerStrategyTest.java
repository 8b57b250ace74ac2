package io.tessera.segmentation.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerStrategyTest {

    private static final List<String> ALL =
            List.of("diffuse", "specular", "shadows", "reflections", "ambient_occlusion", "beauty");

    private final LayerStrategy strategy = new LayerStrategy(10_000);

    static JobSubmitted job(int start, int end, List<String> passes, boolean preview) {
        return new JobSubmitted("job-l", "req", "layered", "studio-a", "{\"width\":8,\"height\":8}", start, end, 1,
                "/out/job-l", 40, new Requirements(Capability.GPU, null, null), Instant.parse("2025-01-01T00:00:00Z"),
                Strategy.LAYERS, null, passes, null, List.of(), preview);
    }

    @Test
    void everyFrameGetsOneTaskPerPassThenACompositeReadingThePfmFiles() {
        List<TaskPlanned> tasks = strategy.plan(job(7, 8, ALL, false));

        assertEquals(14, tasks.size());
        for (int f = 0; f < 2; f++) {
            int frame = 7 + f;
            List<TaskPlanned> passTasks = tasks.subList(f * 7, f * 7 + 6);
            for (int p = 0; p < 6; p++) {
                TaskPlanned pass = passTasks.get(p);
                assertEquals(TaskKind.RENDER, pass.kind());
                assertEquals("pass", pass.part());
                assertEquals(List.of(ALL.get(p)), pass.passes());
                assertEquals(frame, pass.frameStart());
                assertEquals(frame, pass.frameEnd());
                assertNull(pass.region());
                assertTrue(pass.dependsOn().isEmpty());
            }
            TaskPlanned composite = tasks.get(f * 7 + 6);
            assertEquals(TaskKind.COMPOSITE, composite.kind());
            assertEquals("composite", composite.part());
            assertTrue(composite.passes().isEmpty());
            assertEquals(passTasks.subList(0, 4).stream().map(TaskPlanned::taskId).toList(), composite.dependsOn(),
                    "the composite waits for diffuse, specular, shadows, reflections only");
            assertEquals(List.of("diffuse", "specular", "shadows", "reflections").stream()
                    .map(pass -> new TaskInput(String.format("/out/job-l/passes/frame_%04d/%s.pfm", frame, pass),
                            frame, null, pass)).toList(), composite.inputs());
        }
    }

    @Test
    void missingCompositingInputsAreRenderedAnyway() {
        List<TaskPlanned> tasks = strategy.plan(job(1, 1, List.of("beauty", "specular", "beauty"), false));
        assertEquals(List.of(List.of("beauty"), List.of("specular"), List.of("diffuse"), List.of("shadows"),
                List.of("reflections"), List.of()), tasks.stream().map(TaskPlanned::passes).toList());
        TaskPlanned composite = tasks.get(5);
        assertEquals(List.of(tasks.get(2).taskId(), tasks.get(1).taskId(), tasks.get(3).taskId(),
                tasks.get(4).taskId()), composite.dependsOn());
        assertEquals(List.of("diffuse", "specular", "shadows", "reflections"),
                composite.inputs().stream().map(TaskInput::pass).toList());
    }

    @Test
    void framesAreOrderedByKeyFrameRankAndTheCompositeComesLast() {
        List<TaskPlanned> tasks = strategy.plan(job(1, 4, List.of("diffuse", "specular", "shadows", "reflections"),
                true));
        // frames 1..4: sequence 0, 3, 1, 2 -> ranks 0, 2, 3, 1; 4 passes + 1 composite per frame
        int[] ranks = {0, 2, 3, 1};
        for (int i = 0; i < tasks.size(); i++) {
            int rank = ranks[i / 5];
            assertEquals(rank * 5 + i % 5, tasks.get(i).order(), "order of task " + i);
            assertEquals(rank < 3, tasks.get(i).preview(), "preview of task " + i);
        }
        assertEquals(20, Arrays.stream(tasks.stream().mapToInt(TaskPlanned::order).toArray()).distinct().count());
    }

    @Test
    void unknownOrNoPassesAreInvalid() {
        assertEquals("passes[1]: must be one of " + ALL + ", was 'normals'", assertThrows(InvalidEventException.class,
                () -> strategy.plan(job(1, 1, List.of("diffuse", "normals"), false))).getMessage());
        assertTrue(assertThrows(InvalidEventException.class, () -> strategy.plan(job(1, 1, List.of(), false)))
                .getMessage().startsWith("passes: is required for strategy layers"));
    }

    @Test
    void tooManyTasksAreRejected() {
        assertEquals("passes: frames 1..2000 × (4 passes + 1 composite) make 10000 tasks, more than the limit of 9999",
                assertThrows(InvalidEventException.class, () -> new LayerStrategy(9_999)
                        .plan(job(1, 2000, List.of("diffuse"), false))).getMessage());
        assertEquals(10_000, strategy.plan(job(1, 2000, List.of("diffuse"), false)).size());
    }
}
