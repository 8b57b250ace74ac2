package io.tessera.segmentation.tiles;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.TileGrid;
import io.tessera.contracts.tasks.PixelRegion;
import java.util.ArrayList;
import java.util.List;

/**
 * How an image of {@code width × height} pixels is cut into tiles by a {@link TileGrid}. Every pixel belongs to
 * exactly one tile.
 * <ul>
 *   <li>{@code columns × rows}: the width is split into {@code columns} as evenly as possible (tile widths differ
 *       by at most one pixel: column {@code i} starts at {@code floor(i × width / columns)}), the height likewise.
 *       3840 pixels over 7 columns give widths 548 and 549.</li>
 *   <li>{@code tileWidth × tileHeight}: full tiles from the top-left corner, the last column and row take what is
 *       left (100 px in tiles of 30 px: 30, 30, 30, 10). A tile larger than the image is clamped to it.</li>
 * </ul>
 * Pure: no I/O. The size of the grid is known without building it ({@link #tileCount()}), so an oversized grid is
 * rejected before any region is created.
 */
public final class Tiling {

    private final Axis columns;
    private final Axis rows;

    private Tiling(Axis columns, Axis rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * The tiling of a {@code width × height} image by {@code grid}.
     *
     * @throws InvalidEventException ({@code tiles...: rule}) when the grid is absent, gives both or neither pair,
     *                               has a zero or negative value, or has more columns (rows) than pixels
     */
    public static Tiling of(int width, int height, TileGrid grid) {
        if (width < 1 || height < 1) {
            throw new InvalidEventException("tiles: the image must be at least 1×1 pixels, was " + width + "×"
                    + height);
        }
        if (grid == null) {
            throw new InvalidEventException("tiles: is required for strategy tiles: {columns, rows} or "
                    + "{tileWidth, tileHeight}");
        }
        boolean byCount = grid.columns() != null || grid.rows() != null;
        boolean bySize = grid.tileWidth() != null || grid.tileHeight() != null;
        if (byCount && bySize) {
            throw new InvalidEventException("tiles: must give exactly one of {columns, rows} or "
                    + "{tileWidth, tileHeight}, not both");
        }
        if (!byCount && !bySize) {
            throw new InvalidEventException("tiles: must give exactly one of {columns, rows} or "
                    + "{tileWidth, tileHeight}, got neither");
        }
        if (byCount) {
            return new Tiling(
                    Axis.split("tiles.columns", grid.columns(), "tiles.rows", width, "wide"),
                    Axis.split("tiles.rows", grid.rows(), "tiles.columns", height, "high"));
        }
        return new Tiling(
                Axis.sized("tiles.tileWidth", grid.tileWidth(), "tiles.tileHeight", width),
                Axis.sized("tiles.tileHeight", grid.tileHeight(), "tiles.tileWidth", height));
    }

    /** Number of tile columns. */
    public int columns() {
        return columns.count();
    }

    /** Number of tile rows. */
    public int rows() {
        return rows.count();
    }

    /** Number of tiles: {@code columns × rows}. */
    public long tileCount() {
        return (long) columns.count() * rows.count();
    }

    /**
     * The tiles in row-major order: the top row left to right, then the next row.
     *
     * @throws IllegalStateException when there are too many tiles for one list (callers check the task limit first)
     */
    public List<PixelRegion> regions() {
        if (tileCount() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(tileCount() + " tiles do not fit one list");
        }
        List<PixelRegion> regions = new ArrayList<>((int) tileCount());
        for (int row = 0; row < rows.count(); row++) {
            for (int column = 0; column < columns.count(); column++) {
                regions.add(new PixelRegion(columns.start(column), rows.start(row), columns.size(column),
                        rows.size(row)));
            }
        }
        return regions;
    }

    /**
     * One dimension of the grid: {@code count} tiles over {@code length} pixels, either split evenly
     * ({@code tileSize == 0}) or in tiles of {@code tileSize} pixels with a shorter last one.
     */
    private record Axis(int length, int count, int tileSize) {

        static Axis split(String field, Integer count, String partner, int length, String adjective) {
            if (count == null) {
                throw new InvalidEventException(field + ": is required with " + partner);
            }
            if (count < 1) {
                throw new InvalidEventException(field + ": must be at least 1, was " + count);
            }
            if (count > length) {
                throw new InvalidEventException(field + ": " + count + " tiles over an image " + length + " px "
                        + adjective + ": more tiles than pixels");
            }
            return new Axis(length, count, 0);
        }

        static Axis sized(String field, Integer tileSize, String partner, int length) {
            if (tileSize == null) {
                throw new InvalidEventException(field + ": is required with " + partner);
            }
            if (tileSize < 1) {
                throw new InvalidEventException(field + ": must be at least 1, was " + tileSize);
            }
            int size = Math.min(tileSize, length);
            return new Axis(length, (int) (((long) length + size - 1) / size), size);
        }

        int start(int index) {
            return tileSize == 0
                    ? (int) ((long) index * length / count)
                    : (int) Math.min((long) index * tileSize, length);
        }

        int size(int index) {
            return start(index + 1) - start(index);
        }
    }
}
