package io.tessera.renderer.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Portable Float Map (PFM) encoding of linear RGB floats: the ASCII header {@code PF\n<width> <height>\n<scale>\n}
 * followed by {@code width * height * 3} IEEE 754 floats, red, green, blue per pixel, rows from the BOTTOM of the
 * image to the top. A negative scale means little-endian floats, a positive one big-endian. Writing uses
 * {@code -1.0} (little-endian); reading accepts both byte orders and the greyscale variant {@code Pf} (one float per
 * pixel, read as grey). Floats are copied bit for bit, so a round trip is exact.
 */
final class Pfm {

    private Pfm() {
    }

    /** Encodes row-major, top-to-bottom RGB floats as a little-endian colour PFM. */
    static byte[] encode(int width, int height, float[] rgb) {
        byte[] header = ("PF\n" + width + " " + height + "\n-1.0\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(header.length + rgb.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        int rowFloats = width * 3;
        for (int row = height - 1; row >= 0; row--) {
            for (int i = row * rowFloats; i < (row + 1) * rowFloats; i++) {
                out.putInt(Float.floatToRawIntBits(rgb[i]));
            }
        }
        return out.array();
    }

    /** Decodes a PFM into row-major, top-to-bottom RGB floats. */
    static Decoded decode(byte[] bytes) throws IOException {
        Header header = Header.parse(bytes);
        int channels = header.colour() ? 3 : 1;
        long expected = (long) header.width() * header.height() * channels * Float.BYTES;
        if (bytes.length - header.dataOffset() < expected) {
            throw new IOException("PFM data too short: expected " + expected + " bytes for " + header.width() + "x"
                    + header.height() + ", got " + (bytes.length - header.dataOffset()));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, header.dataOffset(), bytes.length - header.dataOffset())
                .order(header.scale() < 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        float[] rgb = new float[header.width() * header.height() * 3];
        for (int row = header.height() - 1; row >= 0; row--) {
            for (int col = 0; col < header.width(); col++) {
                int i = (row * header.width() + col) * 3;
                if (channels == 3) {
                    rgb[i] = Float.intBitsToFloat(in.getInt());
                    rgb[i + 1] = Float.intBitsToFloat(in.getInt());
                    rgb[i + 2] = Float.intBitsToFloat(in.getInt());
                } else {
                    float grey = Float.intBitsToFloat(in.getInt());
                    rgb[i] = grey;
                    rgb[i + 1] = grey;
                    rgb[i + 2] = grey;
                }
            }
        }
        return new Decoded(header.width(), header.height(), rgb);
    }

    /** Decoded pixels: row-major, top-to-bottom RGB floats. */
    record Decoded(int width, int height, float[] rgb) {
    }

    private record Header(boolean colour, int width, int height, double scale, int dataOffset) {

        static Header parse(byte[] bytes) throws IOException {
            int[] pos = {0};
            String magic = token(bytes, pos);
            if (!magic.equals("PF") && !magic.equals("Pf")) {
                throw new IOException("not a PFM file: magic is '" + magic + "', expected 'PF' or 'Pf'");
            }
            int width = positive(token(bytes, pos), "width");
            int height = positive(token(bytes, pos), "height");
            double scale;
            String scaleToken = token(bytes, pos);
            try {
                scale = Double.parseDouble(scaleToken);
            } catch (NumberFormatException e) {
                throw new IOException("PFM scale is not a number: '" + scaleToken + "'");
            }
            if (scale == 0 || Double.isNaN(scale)) {
                throw new IOException("PFM scale must be non-zero, got " + scaleToken);
            }
            // exactly one whitespace character separates the header from the data
            if (pos[0] >= bytes.length || !Character.isWhitespace(bytes[pos[0]])) {
                throw new IOException("PFM header is not followed by a whitespace character");
            }
            return new Header(magic.equals("PF"), width, height, scale, pos[0] + 1);
        }

        private static int positive(String token, String what) throws IOException {
            try {
                int value = Integer.parseInt(token);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IOException("PFM " + what + " must be a positive integer, got '" + token + "'");
        }

        private static String token(byte[] bytes, int[] pos) throws IOException {
            while (pos[0] < bytes.length && Character.isWhitespace(bytes[pos[0]])) {
                pos[0]++;
            }
            ByteArrayOutputStream token = new ByteArrayOutputStream();
            while (pos[0] < bytes.length && !Character.isWhitespace(bytes[pos[0]]) && token.size() < 32) {
                token.write(bytes[pos[0]++]);
            }
            if (token.size() == 0) {
                throw new IOException("PFM header ends early");
            }
            return token.toString(StandardCharsets.US_ASCII);
        }
    }
}
