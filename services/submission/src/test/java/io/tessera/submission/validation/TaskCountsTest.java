package io.tessera.submission.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskCountsTest {

    @Test
    void framesAreChunked() {
        assertEquals(12, TaskCounts.frames(48, 4));
        assertEquals(13, TaskCounts.frames(49, 4));
    }

    @Test
    void tilesAddOneAssemblyPerFrame() {
        assertEquals(101, TaskCounts.tiles(1, 100));
        assertEquals(48 * 101, TaskCounts.tiles(48, 100));
        assertEquals(100, TaskCounts.tilesPerFrame(10, 10, null, null, 1920, 1080));
        assertEquals(4 * 3, TaskCounts.tilesPerFrame(null, null, 100, 64, 320, 180), "uneven grids round up");
        assertEquals(1, TaskCounts.tilesPerFrame(null, null, 320, 180, 320, 180));
    }

    @Test
    void layersRenderTheCompositingInputsAndOneCompositePerFrame() {
        assertEquals(7, TaskCounts.layers(1, List.of("diffuse", "specular", "shadows", "reflections",
                "ambient_occlusion", "beauty")));
        assertEquals(5, TaskCounts.layers(1, List.of("diffuse")));
        assertEquals(2 * 6, TaskCounts.layers(2, List.of("beauty")));
        assertEquals(List.of("beauty", "diffuse", "specular", "shadows", "reflections"),
                List.copyOf(TaskCounts.renderPasses(List.of("beauty", "diffuse"))));
    }
}
