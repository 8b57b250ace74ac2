package io.tessera.renderer.trace;

import io.tessera.renderer.image.Image;
import io.tessera.renderer.scene.BundledScenes;
import io.tessera.renderer.scene.Scene;
import io.tessera.renderer.scene.SceneParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RayTracerTest {

    private static final Scene DEMO = SceneParser.parse(BundledScenes.demo());
    private static final Region FULL = Region.full(DEMO.width(), DEMO.height());

    @Test
    void sameFrameRendersToIdenticalPngBytes() {
        byte[] first = new RayTracer(DEMO).render(7, FULL, Pass.BEAUTY).toPng();
        byte[] second = new RayTracer(SceneParser.parse(BundledScenes.demo())).render(7, FULL, Pass.BEAUTY).toPng();

        assertArrayEquals(first, second);
    }

    @Test
    void consecutiveFramesDiffer() {
        RayTracer tracer = new RayTracer(DEMO);

        Image one = tracer.render(1, FULL, Pass.BEAUTY);
        Image two = tracer.render(2, FULL, Pass.BEAUTY);

        assertTrue(one.maxChannelDifference(two) > 10, "frames 1 and 2 should visibly differ");
    }

    @Test
    void unevenTileGridAssemblesToTheFullFrame() {
        RayTracer tracer = new RayTracer(DEMO);
        int cols = 7;
        int rows = 3;
        List<Image.Placed> tiles = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int x0 = c * DEMO.width() / cols;
                int x1 = (c + 1) * DEMO.width() / cols;
                int y0 = r * DEMO.height() / rows;
                int y1 = (r + 1) * DEMO.height() / rows;
                Image tile = tracer.render(30, new Region(x0, y0, x1 - x0, y1 - y0), Pass.BEAUTY);
                tiles.add(new Image.Placed(tile, x0, y0));
            }
        }

        Image assembled = Image.assemble(DEMO.width(), DEMO.height(), tiles);
        Image full = tracer.render(30, FULL, Pass.BEAUTY);

        assertEquals(full, assembled);
        assertArrayEquals(full.toPng(), assembled.toPng());
    }

    @Test
    void compositeOfPassesMatchesBeauty() {
        Map<Pass, Image> passes = new RayTracer(DEMO).renderPasses(12, FULL, EnumSet.allOf(Pass.class));

        Image composite = Compositor.composite(passes);

        assertTrue(composite.maxChannelDifference(passes.get(Pass.BEAUTY)) <= 2,
                "max channel difference " + composite.maxChannelDifference(passes.get(Pass.BEAUTY)));
    }

    @Test
    void compositeHoldsWithAntialiasing() {
        Scene scene = SceneParser.parse(BundledScenes.demo().replace("\"samples\": 1,", "\"samples\": 4,"));
        Region corner = new Region(100, 60, 80, 50);
        Map<Pass, Image> passes = new RayTracer(scene).renderPasses(5, corner, EnumSet.allOf(Pass.class));

        assertTrue(Compositor.composite(passes).maxChannelDifference(passes.get(Pass.BEAUTY)) <= 2);
    }

    @Test
    void everyPassHasContent() {
        Map<Pass, Image> passes = new RayTracer(DEMO).renderPasses(1, FULL, EnumSet.allOf(Pass.class));

        assertEquals(EnumSet.allOf(Pass.class), passes.keySet());
        for (Map.Entry<Pass, Image> e : passes.entrySet()) {
            assertFalse(e.getValue().isUniform(), e.getKey().id() + " is one colour");
        }
    }

    @Test
    void singlePassRenderEqualsThePassFromAMultiPassRender() {
        RayTracer tracer = new RayTracer(DEMO);
        Region tile = new Region(40, 20, 64, 48);

        Image alone = tracer.render(3, tile, Pass.SHADOWS);
        Image together = tracer.renderPasses(3, tile, EnumSet.of(Pass.BEAUTY, Pass.SHADOWS)).get(Pass.SHADOWS);

        assertEquals(alone, together);
    }

    @Test
    void compositeNamesMissingPasses() {
        Map<Pass, Image> passes = new RayTracer(DEMO).renderPasses(1, new Region(0, 0, 8, 8),
                EnumSet.of(Pass.DIFFUSE, Pass.SPECULAR));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Compositor.composite(passes));

        assertTrue(e.getMessage().contains("shadows"), e.getMessage());
    }

    @Test
    void interruptedThreadStopsTheRender() {
        AtomicInteger rows = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            assertThrows(RenderInterruptedException.class,
                    () -> new RayTracer(DEMO).render(1, FULL, Pass.BEAUTY, (done, total) -> rows.set(done)));
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt flag kept");
        } finally {
            Thread.interrupted();
        }
        assertEquals(0, rows.get());
    }

    @Test
    void progressCountsEveryRow() {
        List<Integer> seen = new ArrayList<>();
        new RayTracer(DEMO).render(1, new Region(0, 0, 4, 5), Pass.BEAUTY, (done, total) -> {
            assertEquals(5, total);
            seen.add(done);
        });

        assertEquals(List.of(1, 2, 3, 4, 5), seen);
    }

    @Test
    void rejectsFramesOutsideTheRangeAndRegionsOutsideTheImage() {
        RayTracer tracer = new RayTracer(DEMO);

        assertThrows(IllegalArgumentException.class, () -> tracer.render(49, FULL, Pass.BEAUTY));
        assertThrows(IllegalArgumentException.class,
                () -> tracer.render(1, new Region(300, 0, 21, 10), Pass.BEAUTY));
        assertThrows(IllegalArgumentException.class, () -> tracer.renderPasses(1, FULL, Set.of()));
    }
}
