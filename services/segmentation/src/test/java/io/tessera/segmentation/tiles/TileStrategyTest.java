package io.tessera.segmentation.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.jobs.TileGrid;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileStrategyTest {

    private static final String SCENE = "{\"width\":64,\"height\":36,\"camera\":{}}";

    private final TileStrategy strategy = new TileStrategy(10_000);

    static JobSubmitted job(String scene, int start, int end, TileGrid grid, boolean preview) {
        return new JobSubmitted("job-t", "req", "still", "studio-a", scene, start, end, 1, "/out/job-t", 40,
                new Requirements(Capability.CPU, null, null), Instant.parse("2025-01-01T00:00:00Z"), Strategy.TILES,
                grid, List.of(), null, List.of(), preview);
    }

    @Test
    void everyFrameGetsItsTilesThenAnAssemblyDependingOnThem() {
        List<TaskPlanned> tasks = strategy.plan(job(SCENE, 1, 2, new TileGrid(3, 2, null, null), false));

        assertEquals(14, tasks.size());
        List<PixelRegion> regions = Tiling.of(64, 36, new TileGrid(3, 2, null, null)).regions();
        for (int f = 0; f < 2; f++) {
            int frame = 1 + f;
            for (int t = 0; t < 6; t++) {
                TaskPlanned tile = tasks.get(f * 7 + t);
                assertEquals(TaskKind.RENDER, tile.kind());
                assertEquals("tile", tile.part());
                assertEquals(regions.get(t), tile.region());
                assertEquals(frame, tile.frameStart());
                assertEquals(frame, tile.frameEnd());
                assertTrue(tile.dependsOn().isEmpty());
                assertTrue(tile.inputs().isEmpty());
                assertTrue(tile.passes().isEmpty());
            }
            TaskPlanned assembly = tasks.get(f * 7 + 6);
            assertEquals(TaskKind.ASSEMBLE, assembly.kind());
            assertEquals("assembly", assembly.part());
            assertNull(assembly.region());
            assertEquals(frame, assembly.frameStart());
            assertEquals(frame, assembly.frameEnd());
            assertEquals(tasks.subList(f * 7, f * 7 + 6).stream().map(TaskPlanned::taskId).toList(),
                    assembly.dependsOn());
            assertEquals(6, assembly.inputs().size());
            for (int t = 0; t < 6; t++) {
                TaskInput input = assembly.inputs().get(t);
                assertEquals(regions.get(t), input.region());
                assertEquals(frame, input.frame());
                assertNull(input.pass());
            }
        }
        assertEquals(new TaskInput("/out/job-t/tiles/frame_0002/tile_x0021_y0018.png", 2,
                new PixelRegion(21, 18, 21, 18), null), tasks.get(13).inputs().get(4));
        for (int i = 0; i < tasks.size(); i++) {
            assertEquals(String.format("job-t-t%05d", i), tasks.get(i).taskId());
            assertEquals(i, tasks.get(i).index());
            assertEquals(14, tasks.get(i).taskCount());
        }
    }

    @Test
    void framesAreOrderedByKeyFrameRankAndAssemblyComesAfterItsTiles() {
        List<TaskPlanned> tasks = strategy.plan(job(SCENE, 10, 12, new TileGrid(2, 1, null, null), true));
        // frames 10, 11, 12 have ranks 0, 2, 1; each frame has 2 tiles + 1 assembly
        assertEquals(List.of(0, 1, 2, 6, 7, 8, 3, 4, 5), tasks.stream().map(TaskPlanned::order).toList());
        assertTrue(tasks.stream().allMatch(TaskPlanned::preview), "three frames: all are key frames");
    }

    @Test
    void onlyTheFirstThreeRanksOfAPreviewJobArePreview() {
        List<TaskPlanned> tasks = strategy.plan(job(SCENE, 1, 5, new TileGrid(1, 1, null, null), true));
        // frames 1..5 have ranks 0, 3, 2, 4, 1
        assertEquals(List.of(0, 1, 6, 7, 4, 5, 8, 9, 2, 3), tasks.stream().map(TaskPlanned::order).toList());
        assertEquals(List.of(true, true, false, false, true, true, false, false, true, true),
                tasks.stream().map(TaskPlanned::preview).toList());
        assertFalse(strategy.plan(job(SCENE, 1, 5, new TileGrid(1, 1, null, null), false)).stream()
                .anyMatch(TaskPlanned::preview), "a regular job has no preview task");
    }

    @Test
    void tooManyTasksAreRejectedBeforeAnyIsBuilt() {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> strategy.plan(
                job(SCENE, 1, 1000, new TileGrid(4, 4, null, null), false)));
        assertEquals("tiles: frames 1..1000 × (16 tiles + 1 assembly) make 17000 tasks, more than the limit of "
                + "10000", e.getMessage());
        String huge = "{\"width\":2147483647,\"height\":2147483647}";
        assertTrue(assertThrows(InvalidEventException.class, () -> strategy.plan(job(huge, Integer.MIN_VALUE,
                Integer.MAX_VALUE, new TileGrid(null, null, 1, 1), false))).getMessage()
                .endsWith("more than the limit of 10000"));
    }

    @Test
    void theSceneMustGiveItsSize() {
        assertEquals("scene.width: is required by strategy tiles", assertThrows(InvalidEventException.class,
                () -> strategy.plan(job("{\"height\":36}", 1, 1, new TileGrid(2, 2, null, null), false)))
                .getMessage());
        assertTrue(assertThrows(InvalidEventException.class,
                () -> strategy.plan(job("{\"width\":0,\"height\":36}", 1, 1, new TileGrid(2, 2, null, null), false)))
                .getMessage().startsWith("scene.width: must be a whole number of pixels of at least 1"));
        assertTrue(assertThrows(InvalidEventException.class,
                () -> strategy.plan(job("{not json", 1, 1, new TileGrid(2, 2, null, null), false)))
                .getMessage().startsWith("scene: is not valid JSON"));
    }

    @Test
    void anInvalidGridIsRejected() {
        assertEquals("tiles.columns: must be at least 1, was 0", assertThrows(InvalidEventException.class,
                () -> strategy.plan(job(SCENE, 1, 1, new TileGrid(0, 2, null, null), false))).getMessage());
        assertTrue(assertThrows(InvalidEventException.class,
                () -> strategy.plan(job(SCENE, 1, 1, null, false))).getMessage().startsWith("tiles: is required"));
    }
}
