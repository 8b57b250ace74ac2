package io.tessera.farm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.tasks.OutputNames;
import io.tessera.renderer.scene.BundledScenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The three jobs of {@code ./farm demo}, all from the bundled demo scene: the 48-frame animation in chunks, frame 24
 * as a tiled still (1920×1080, a 10×10 grid, assembled into one frame) and frame 24 as layers (six passes,
 * composited into one frame).
 */
final class DemoJobs {

    /** The frame the still and the layered frame render. */
    static final int STILL_FRAME = 24;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STUDIO = "tessera-demo";

    private DemoJobs() {
    }

    /** Every demo job, in submission order. */
    static List<ObjectNode> all() throws IOException {
        return List.of(animation(), tiledStill(), layeredFrame());
    }

    /** The bundled demo animation: 48 frames in chunks of 4 on CPU workers. */
    static ObjectNode animation() throws IOException {
        ObjectNode job = base("demo-animation", 320, 180);
        job.putObject("frames").put("start", 1).put("end", 48);
        job.put("chunkSize", 4);
        return job;
    }

    /** Frame 24 at 1920×1080, cut into a 10×10 grid of tiles and assembled into one frame. */
    static ObjectNode tiledStill() throws IOException {
        ObjectNode job = base("demo-tiled-still", 1920, 1080);
        job.putObject("frames").put("start", STILL_FRAME).put("end", STILL_FRAME);
        job.put("strategy", "tiles");
        job.putObject("tiles").put("columns", 10).put("rows", 10);
        return job;
    }

    /** Frame 24 as six passes, each kept as an image, composited into one frame. */
    static ObjectNode layeredFrame() throws IOException {
        ObjectNode job = base("demo-layered-frame", 640, 360);
        job.putObject("frames").put("start", STILL_FRAME).put("end", STILL_FRAME);
        job.put("strategy", "layers");
        job.putArray("passes").add("diffuse").add("specular").add("shadows").add("reflections")
                .add("ambient_occlusion").add("beauty");
        return job;
    }

    /** Where a finished job's images are, one line per location, with what exists on disk. */
    static List<String> outputs(JsonNode job, Path outputDir) throws IOException {
        List<String> lines = new ArrayList<>();
        String strategy = job.path("strategy").asText("frames");
        switch (strategy) {
            case "tiles" -> {
                lines.add("assembled frame: " + describe(OutputNames.frame(outputDir, STILL_FRAME)));
                lines.add("tiles:           " + folder(outputDir.resolve("tiles").resolve(frameDir())));
            }
            case "layers" -> {
                lines.add("composited frame: " + describe(OutputNames.frame(outputDir, STILL_FRAME)));
                lines.add("passes:           " + folder(outputDir.resolve("passes").resolve(frameDir())));
            }
            default -> lines.add("frames: " + outputDir + " (" + pngs(outputDir, 1) + " PNG files)");
        }
        return lines;
    }

    private static ObjectNode base(String name, int width, int height) throws IOException {
        ObjectNode job = JSON.createObjectNode();
        job.put("name", name);
        job.put("studio", STUDIO);
        ObjectNode scene = (ObjectNode) JSON.readTree(BundledScenes.demo());
        scene.put("width", width).put("height", height);
        job.set("scene", scene);
        job.put("priority", 50);
        job.putObject("requirements").put("capability", "cpu");
        return job;
    }

    private static String frameDir() {
        return String.format("frame_%04d", STILL_FRAME);
    }

    private static String describe(Path file) {
        return file + (Files.isRegularFile(file) ? "" : " (missing)");
    }

    private static String folder(Path dir) throws IOException {
        return dir + " (" + pngs(dir, Integer.MAX_VALUE) + " PNG files)";
    }

    private static long pngs(Path dir, int depth) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".png")).count();
        }
    }
}
