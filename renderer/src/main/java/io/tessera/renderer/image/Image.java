package io.tessera.renderer.image;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An immutable image of linear RGB floats. PNG files hold 8-bit sRGB-encoded colour (values clamped to [0, 1]);
 * {@link #argb(int, int)} gives that 8-bit colour. PFM files ({@link #writePfm(Path)}) hold the floats exactly.
 * Equality ({@link #equals}) compares the floats exactly;
 * {@link #maxChannelDifference(Image)} compares the 8-bit colours.
 */
public final class Image {

    private final int width;
    private final int height;
    private final float[] rgb;

    private Image(int width, int height, float[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /**
     * Wraps pixel data without copying; the caller must not change {@code rgb} afterwards.
     *
     * @param rgb row-major, 3 floats (linear red, green, blue) per pixel, {@code width * height * 3} long
     */
    public static Image ofLinearRgb(int width, int height, float[] rgb) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (rgb.length != (long) width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " floats, got " + rgb.length);
        }
        return new Image(width, height, rgb);
    }

    /** A black image. */
    public static Image black(int width, int height) {
        return ofLinearRgb(width, height, new float[Math.multiplyExact(Math.multiplyExact(width, height), 3)]);
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** Linear value of channel {@code c} (0 red, 1 green, 2 blue) at (x, y). */
    public float channel(int x, int y, int c) {
        checkInside(x, y);
        return rgb[(y * width + x) * 3 + c];
    }

    /** The 8-bit sRGB colour at (x, y) as {@code 0xFFRRGGBB}. */
    public int argb(int x, int y) {
        checkInside(x, y);
        int i = (y * width + x) * 3;
        return 0xFF000000 | Srgb.encode(rgb[i]) << 16 | Srgb.encode(rgb[i + 1]) << 8 | Srgb.encode(rgb[i + 2]);
    }

    /** Returns a copy of this image with {@code tile} pasted with its top-left corner at (x, y). */
    public Image blit(Image tile, int x, int y) {
        float[] out = rgb.clone();
        paste(out, width, height, tile, x, y);
        return new Image(width, height, out);
    }

    /**
     * Pastes tiles into a new black image of the given size in one pass, e.g. to assemble a frame from region
     * renders. Each tile's top-left corner goes to its {@code x}, {@code y}.
     */
    public static Image assemble(int width, int height, Iterable<Placed> tiles) {
        float[] out = black(width, height).rgb;
        for (Placed p : tiles) {
            paste(out, width, height, p.image(), p.x(), p.y());
        }
        return new Image(width, height, out);
    }

    /** A tile image and where its top-left corner goes. */
    public record Placed(Image image, int x, int y) {
    }

    private static void paste(float[] out, int width, int height, Image tile, int x, int y) {
        if (x < 0 || y < 0 || x + tile.width > width || y + tile.height > height) {
            throw new IllegalArgumentException("tile " + tile.width + "x" + tile.height + " at (" + x + "," + y
                    + ") does not fit in " + width + "x" + height);
        }
        for (int row = 0; row < tile.height; row++) {
            System.arraycopy(tile.rgb, row * tile.width * 3, out, ((y + row) * width + x) * 3, tile.width * 3);
        }
    }

    /** Whether every pixel has the same colour. */
    public boolean isUniform() {
        for (int i = 3; i < rgb.length; i++) {
            if (rgb[i] != rgb[i % 3]) {
                return false;
            }
        }
        return true;
    }

    /** The largest difference of any 8-bit channel between the two images (same size required), 0..255. */
    public int maxChannelDifference(Image other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("sizes differ: " + width + "x" + height + " vs "
                    + other.width + "x" + other.height);
        }
        int max = 0;
        for (int i = 0; i < rgb.length; i++) {
            max = Math.max(max, Math.abs(Srgb.encode(rgb[i]) - Srgb.encode(other.rgb[i])));
        }
        return max;
    }

    /** Encodes the image as an 8-bit sRGB PNG; equal images give equal bytes. */
    public byte[] toPng() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, argb(x, y));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            // a memory cache, not ImageIO's default temp-file cache: the JDK closes file caches in a shutdown hook,
            // which broke a frame a draining worker was still encoding after SIGTERM ("cannot encode PNG: closed")
            if (!ImageIO.write(img, "png", stream)) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return out.toByteArray();
    }

    /** Writes the image as a PNG file. */
    public void writePng(Path file) throws IOException {
        Files.write(file, toPng());
    }

    /** Reads a PNG (any colour type; alpha is ignored) as 8-bit sRGB decoded to linear floats. */
    public static Image readPng(Path file) throws IOException {
        return fromPng(Files.readAllBytes(file));
    }

    /** Decodes PNG bytes as {@link #readPng(Path)} does. */
    public static Image fromPng(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        if (img == null) {
            throw new IOException("not a readable image");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        float[] data = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = img.getRGB(x, y);
                int i = (y * w + x) * 3;
                data[i] = Srgb.decode(c >> 16);
                data[i + 1] = Srgb.decode(c >> 8);
                data[i + 2] = Srgb.decode(c);
            }
        }
        return new Image(w, h, data);
    }

    /**
     * Encodes the linear floats exactly as a Portable Float Map: header {@code PF\n<width> <height>\n-1.0\n}, then
     * little-endian RGB floats, rows bottom to top (as the format says).
     */
    public byte[] toPfm() {
        return Pfm.encode(width, height, rgb);
    }

    /** Writes the image as a PFM file ({@link #toPfm()}); reading it back gives an equal image. */
    public void writePfm(Path file) throws IOException {
        Files.write(file, toPfm());
    }

    /** Reads a PFM file (colour {@code PF} or greyscale {@code Pf}, either byte order) bit for bit. */
    public static Image readPfm(Path file) throws IOException {
        return fromPfm(Files.readAllBytes(file));
    }

    /** Decodes PFM bytes as {@link #readPfm(Path)} does. */
    public static Image fromPfm(byte[] pfm) throws IOException {
        Pfm.Decoded decoded = Pfm.decode(pfm);
        return new Image(decoded.width(), decoded.height(), decoded.rgb());
    }

    private void checkInside(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + "," + y + ") outside " + width + "x" + height);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && other.width == width && other.height == height
                && Arrays.equals(other.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "Image[" + width + "x" + height + "]";
    }
}
