package io.tessera.renderer.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageTest {

    @Test
    void pngRoundTripKeepsSizeAndPixels(@TempDir Path dir) throws Exception {
        Image gradient = gradient(37, 23);
        Path file = dir.resolve("gradient.png");

        gradient.writePng(file);
        Image read = Image.readPng(file);

        assertEquals(37, read.width());
        assertEquals(23, read.height());
        assertEquals(0, read.maxChannelDifference(gradient));
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                assertEquals(gradient.argb(x, y), read.argb(x, y));
            }
        }
        assertArrayEquals(gradient.toPng(), read.toPng());
    }

    @Test
    void everyByteSurvivesDecodeAndEncode() {
        for (int b = 0; b < 256; b++) {
            assertEquals(b, Srgb.encode(Srgb.decode(b)));
        }
    }

    @Test
    void argbClampsAndEncodesSrgb() {
        Image img = Image.ofLinearRgb(2, 1, new float[] {2f, -1f, 0.5f, 0f, 1f, 0.2159f});

        assertEquals(0xFFFF00BC, img.argb(0, 0));
        assertEquals(0xFF00FF80, img.argb(1, 0));
    }

    @Test
    void blitReturnsACopyWithTheTilePasted() {
        Image canvas = Image.black(4, 3);
        Image tile = gradient(2, 2);

        Image pasted = canvas.blit(tile, 2, 1);

        assertEquals(tile.argb(1, 1), pasted.argb(3, 2));
        assertEquals(0xFF000000, pasted.argb(1, 1));
        assertEquals(Image.black(4, 3), canvas);
        assertNotEquals(canvas, pasted);
        assertThrows(IllegalArgumentException.class, () -> canvas.blit(tile, 3, 0));
    }

    @Test
    void assembleEqualsSuccessiveBlits() {
        Image a = gradient(3, 2);
        Image b = gradient(2, 2);

        Image assembled = Image.assemble(5, 2, List.of(new Image.Placed(a, 0, 0), new Image.Placed(b, 3, 0)));

        assertEquals(Image.black(5, 2).blit(a, 0, 0).blit(b, 3, 0), assembled);
    }

    @Test
    void uniformityAndDifferences() {
        assertTrue(Image.black(3, 3).isUniform());
        assertFalse(gradient(3, 3).isUniform());
        assertEquals(255, Image.black(3, 3).maxChannelDifference(
                Image.black(3, 3).blit(Image.ofLinearRgb(1, 1, new float[] {1, 1, 1}), 1, 1)));
    }

    private static Image gradient(int w, int h) {
        float[] rgb = new float[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            rgb[i * 3] = (float) i / (w * h);
            rgb[i * 3 + 1] = (float) (i % w) / w;
            rgb[i * 3 + 2] = 0.25f;
        }
        return Image.ofLinearRgb(w, h, rgb);
    }
}
