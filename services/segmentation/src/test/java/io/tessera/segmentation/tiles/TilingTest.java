package io.tessera.segmentation.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.TileGrid;
import io.tessera.contracts.tasks.PixelRegion;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TilingTest {

    private static TileGrid grid(int columns, int rows) {
        return new TileGrid(columns, rows, null, null);
    }

    private static TileGrid size(int tileWidth, int tileHeight) {
        return new TileGrid(null, null, tileWidth, tileHeight);
    }

    /** Every pixel of the image lies in exactly one region, and no region reaches outside the image. */
    private static void assertCoversEveryPixelOnce(int width, int height, List<PixelRegion> regions) {
        int[] hits = new int[width * height];
        for (PixelRegion r : regions) {
            assertTrue(r.width() >= 1 && r.height() >= 1, "empty tile " + r);
            assertTrue(r.x() >= 0 && r.y() >= 0 && r.x() + r.width() <= width && r.y() + r.height() <= height,
                    "tile outside the image " + r);
            for (int y = r.y(); y < r.y() + r.height(); y++) {
                for (int x = r.x(); x < r.x() + r.width(); x++) {
                    hits[y * width + x]++;
                }
            }
        }
        for (int i = 0; i < hits.length; i++) {
            assertEquals(1, hits[i], "pixel (" + i % width + ", " + i / width + ")");
        }
    }

    private static String message(int width, int height, TileGrid grid) {
        return assertThrows(InvalidEventException.class, () -> Tiling.of(width, height, grid)).getMessage();
    }

    @Test
    void evenGridMakesEqualTilesInRowMajorOrder() {
        List<PixelRegion> regions = Tiling.of(64, 36, grid(2, 2)).regions();
        assertEquals(List.of(new PixelRegion(0, 0, 32, 18), new PixelRegion(32, 0, 32, 18),
                new PixelRegion(0, 18, 32, 18), new PixelRegion(32, 18, 32, 18)), regions);
    }

    @Test
    void unevenColumnsDifferByAtMostOnePixel() {
        Tiling tiling = Tiling.of(3840, 2160, grid(7, 3));
        List<PixelRegion> regions = tiling.regions();
        assertEquals(21, regions.size());
        assertEquals(21L, tiling.tileCount());
        Set<Integer> widths = regions.stream().map(PixelRegion::width).collect(Collectors.toSet());
        assertEquals(Set.of(548, 549), widths);
        assertEquals(3840, regions.subList(0, 7).stream().mapToInt(PixelRegion::width).sum());
        assertEquals(Set.of(720), regions.stream().map(PixelRegion::height).collect(Collectors.toSet()));
        assertCoversEveryPixelOnce(3840, 2160, regions);
    }

    @Test
    void unevenGridsCoverEveryPixelExactlyOnce() {
        int[][] cases = {{64, 36, 3, 2}, {64, 36, 7, 5}, {101, 37, 10, 6}, {17, 13, 17, 13}, {5, 3, 1, 1},
                {97, 89, 13, 11}};
        for (int[] c : cases) {
            Tiling tiling = Tiling.of(c[0], c[1], grid(c[2], c[3]));
            List<PixelRegion> regions = tiling.regions();
            assertEquals(c[2] * c[3], regions.size());
            assertCoversEveryPixelOnce(c[0], c[1], regions);
            for (PixelRegion r : regions) {
                assertTrue(r.width() == c[0] / c[2] || r.width() == c[0] / c[2] + 1, "width of " + r);
                assertTrue(r.height() == c[1] / c[3] || r.height() == c[1] / c[3] + 1, "height of " + r);
            }
        }
    }

    @Test
    void tileSizeGivesFullTilesAndTheRemainderLast() {
        Tiling tiling = Tiling.of(100, 50, size(30, 20));
        assertEquals(4, tiling.columns());
        assertEquals(3, tiling.rows());
        List<PixelRegion> regions = tiling.regions();
        assertEquals(List.of(new PixelRegion(0, 0, 30, 20), new PixelRegion(30, 0, 30, 20),
                new PixelRegion(60, 0, 30, 20), new PixelRegion(90, 0, 10, 20)), regions.subList(0, 4));
        assertEquals(new PixelRegion(90, 40, 10, 10), regions.get(11));
        assertCoversEveryPixelOnce(100, 50, regions);
        assertCoversEveryPixelOnce(97, 61, Tiling.of(97, 61, size(16, 16)).regions());
        assertCoversEveryPixelOnce(64, 64, Tiling.of(64, 64, size(16, 16)).regions());
    }

    @Test
    void aTileLargerThanTheImageIsTheWholeImage() {
        assertEquals(List.of(new PixelRegion(0, 0, 64, 36)), Tiling.of(64, 36, size(512, 512)).regions());
    }

    @Test
    void zeroOrNegativeIsInvalid() {
        assertEquals("tiles.columns: must be at least 1, was 0", message(64, 36, grid(0, 2)));
        assertEquals("tiles.rows: must be at least 1, was -1", message(64, 36, grid(2, -1)));
        assertEquals("tiles.tileWidth: must be at least 1, was 0", message(64, 36, size(0, 8)));
        assertEquals("tiles.tileHeight: must be at least 1, was -8", message(64, 36, size(8, -8)));
    }

    @Test
    void moreTilesThanPixelsIsInvalid() {
        assertEquals("tiles.columns: 65 tiles over an image 64 px wide: more tiles than pixels",
                message(64, 36, grid(65, 1)));
        assertEquals("tiles.rows: 37 tiles over an image 36 px high: more tiles than pixels",
                message(64, 36, grid(1, 37)));
        assertEquals(64 * 36, Tiling.of(64, 36, grid(64, 36)).regions().size());
    }

    @Test
    void bothNeitherOrHalfAPairIsInvalid() {
        assertTrue(message(64, 36, new TileGrid(2, 2, 8, 8)).startsWith("tiles: must give exactly one of"));
        assertTrue(message(64, 36, new TileGrid(2, null, 8, null)).endsWith("not both"));
        assertTrue(message(64, 36, new TileGrid(null, null, null, null)).endsWith("got neither"));
        assertEquals("tiles.rows: is required with tiles.columns", message(64, 36, new TileGrid(2, null, null, null)));
        assertEquals("tiles.tileWidth: is required with tiles.tileHeight",
                message(64, 36, new TileGrid(null, null, null, 8)));
        assertTrue(message(64, 36, null).startsWith("tiles: is required"));
    }

    @Test
    void hugeGridsAreCountedWithoutBeingBuilt() {
        Tiling tiling = Tiling.of(Integer.MAX_VALUE, Integer.MAX_VALUE, size(1, 1));
        assertEquals((long) Integer.MAX_VALUE * Integer.MAX_VALUE, tiling.tileCount());
    }
}
