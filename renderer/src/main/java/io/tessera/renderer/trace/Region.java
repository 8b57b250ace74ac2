package io.tessera.renderer.trace;

/**
 * A rectangle of pixels of a frame, e.g. one tile: top-left corner (x, y) and a positive size.
 * The constructor rejects negative corners and non-positive sizes; {@link #checkInside(int, int)} rejects
 * regions that leave the image.
 */
public record Region(int x, int y, int width, int height) {

    /** Validates corner and size. */
    public Region {
        if (x < 0 || y < 0) {
            throw new IllegalArgumentException("region corner must be >= 0, got (" + x + "," + y + ")");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("region size must be > 0, got " + width + "x" + height);
        }
    }

    /** The whole image. */
    public static Region full(int width, int height) {
        return new Region(0, 0, width, height);
    }

    /** Whether the region lies entirely inside an image of the given size. */
    public boolean fitsIn(int imageWidth, int imageHeight) {
        return (long) x + width <= imageWidth && (long) y + height <= imageHeight;
    }

    /** Throws {@link IllegalArgumentException} unless the region lies inside an image of the given size. */
    public Region checkInside(int imageWidth, int imageHeight) {
        if (!fitsIn(imageWidth, imageHeight)) {
            throw new IllegalArgumentException("region " + this + " is not inside the " + imageWidth + "x"
                    + imageHeight + " image");
        }
        return this;
    }

    /** Number of pixels. */
    public int pixels() {
        return width * height;
    }
}
