package io.tessera.renderer.image;

import io.tessera.renderer.scene.BundledScenes;
import io.tessera.renderer.scene.SceneParser;
import io.tessera.renderer.trace.Pass;
import io.tessera.renderer.trace.RayTracer;
import io.tessera.renderer.trace.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PfmTest {

    @Test
    void roundTripKeepsEveryFloatBitForBit(@TempDir Path dir) throws Exception {
        float[] rgb = {0f, -0f, 1f, 0.1f, 7.25e-9f, 123456.78f, Float.MIN_VALUE, Float.MAX_VALUE, 2.5f,
                -3.75f, Float.POSITIVE_INFINITY, 0.33333334f, 1e-40f, 0.5f, 42f, 0.999f, 1.0001f, 3f};
        Image image = Image.ofLinearRgb(3, 2, rgb);
        Path file = dir.resolve("odd.pfm");

        image.writePfm(file);
        Image read = Image.readPfm(file);

        assertEquals(image, read);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(Float.floatToRawIntBits(image.channel(x, y, c)),
                            Float.floatToRawIntBits(read.channel(x, y, c)));
                }
            }
        }
    }

    @Test
    void renderedPassesSurviveExactly(@TempDir Path dir) throws Exception {
        RayTracer tracer = new RayTracer(SceneParser.parse(BundledScenes.demo()));
        for (Pass pass : new Pass[] {Pass.DIFFUSE, Pass.SHADOWS, Pass.BEAUTY}) {
            Image image = tracer.render(5, new Region(100, 60, 41, 17), pass);
            Path file = dir.resolve(pass.id() + ".pfm");
            image.writePfm(file);
            assertEquals(image, Image.readPfm(file), pass.id());
        }
    }

    @Test
    void layoutIsLittleEndianColourBottomRowFirst() throws Exception {
        // 2x2: top row red, green; bottom row blue, white
        Image image = Image.ofLinearRgb(2, 2, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1});

        byte[] pfm = image.toPfm();

        byte[] header = "PF\n2 2\n-1.0\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(header, Arrays.copyOf(pfm, header.length));
        assertEquals(header.length + 12 * 4, pfm.length);
        ByteBuffer data = ByteBuffer.wrap(pfm, header.length, 48).order(ByteOrder.LITTLE_ENDIAN);
        float[] floats = new float[12];
        for (int i = 0; i < 12; i++) {
            floats[i] = data.getFloat();
        }
        assertArrayEquals(new float[] {0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0}, floats);
    }

    @Test
    void readsBigEndianAndGreyscale() throws Exception {
        ByteBuffer big = ByteBuffer.allocate(11 + 2 * 3 * 4).order(ByteOrder.BIG_ENDIAN);
        big.put("PF\n2 1\n1.0\n".getBytes(StandardCharsets.US_ASCII));
        for (float f : new float[] {0.25f, 0.5f, 0.75f, 1f, 2f, 3f}) {
            big.putFloat(f);
        }
        assertEquals(Image.ofLinearRgb(2, 1, new float[] {0.25f, 0.5f, 0.75f, 1f, 2f, 3f}),
                Image.fromPfm(big.array()));

        ByteBuffer grey = ByteBuffer.allocate(12 + 2 * 4).order(ByteOrder.LITTLE_ENDIAN);
        grey.put("Pf\n1 2\n-1.0\n".getBytes(StandardCharsets.US_ASCII));
        grey.putFloat(0.5f).putFloat(0.25f);
        // rows bottom to top: the first float is the bottom pixel
        assertEquals(Image.ofLinearRgb(1, 2, new float[] {0.25f, 0.25f, 0.25f, 0.5f, 0.5f, 0.5f}),
                Image.fromPfm(grey.array()));
    }

    @Test
    void brokenFilesAreRejected(@TempDir Path dir) throws Exception {
        assertRejected("P6\n1 1\n255\n".getBytes(StandardCharsets.US_ASCII), "magic");
        assertRejected("PF\n0 1\n-1.0\n".getBytes(StandardCharsets.US_ASCII), "width");
        assertRejected("PF\n1 1\n0\n".getBytes(StandardCharsets.US_ASCII), "scale");
        assertRejected("PF\n2 2\n-1.0\n\0\0\0\0".getBytes(StandardCharsets.US_ASCII), "too short");
        assertRejected("PF\n2".getBytes(StandardCharsets.US_ASCII), "ends early");
        Path png = dir.resolve("x.png");
        Image.black(1, 1).writePng(png);
        assertThrows(IOException.class, () -> Image.readPfm(png));
        Files.delete(png);
    }

    private static void assertRejected(byte[] bytes, String why) {
        IOException e = assertThrows(IOException.class, () -> Image.fromPfm(bytes));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
