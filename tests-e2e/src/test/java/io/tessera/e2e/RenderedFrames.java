package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Assertions on the frames a job wrote: what an artist opens. */
final class RenderedFrames {

    private RenderedFrames() {
    }

    /**
     * Every frame of [first..last] exists once as {@code frame_NNNN.png}, decodes, has the requested size, consecutive
     * frames differ, and nothing else (no staging leftovers) remains in the output directory.
     */
    static void assertComplete(Path outputDir, int first, int last, int width, int height) {
        BufferedImage previous = null;
        for (int frame = first; frame <= last; frame++) {
            Path file = outputDir.resolve(String.format("frame_%04d.png", frame));
            assertTrue(Files.isRegularFile(file), "missing " + file);
            BufferedImage image = decode(file);
            assertEquals(width, image.getWidth(), "width of " + file);
            assertEquals(height, image.getHeight(), "height of " + file);
            if (previous != null) {
                assertFalse(samePixels(previous, image), "frame " + frame + " equals frame " + (frame - 1));
            }
            previous = image;
        }
        assertEquals(List.of(), unexpectedEntries(outputDir, first, last), "only committed frames remain");
    }

    static BufferedImage decode(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file + " is not a PNG");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long pngCount(Path outputDir) {
        if (!Files.isDirectory(outputDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(outputDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".png")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> unexpectedEntries(Path outputDir, int first, int last) {
        try (Stream<Path> files = Files.list(outputDir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> !isFrame(name, first, last))
                    .filter(name -> !(".staging".equals(name) && isEmptyDir(outputDir.resolve(name))))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFrame(String name, int first, int last) {
        if (!name.matches("frame_\\d{4}\\.png")) {
            return false;
        }
        int frame = Integer.parseInt(name.substring(6, 10));
        return frame >= first && frame <= last;
    }

    private static boolean isEmptyDir(Path dir) {
        try (Stream<Path> entries = Files.walk(dir)) {
            return entries.noneMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
