package io.tessera.worker.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.renderer.image.Image;
import io.tessera.renderer.scene.BundledScenes;
import io.tessera.renderer.scene.SceneParser;
import io.tessera.renderer.trace.Pass;
import io.tessera.renderer.trace.RayTracer;
import io.tessera.renderer.trace.Region;
import io.tessera.worker.staging.StagingPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in engine for every task kind, on a 64x36 demo scene, files in a temporary output directory. */
class BuiltinRenderEngineTest {

    static final int W = 64;
    static final int H = 36;
    static final String SCENE = demoScene(W, H);

    private final BuiltinRenderEngine engine = new BuiltinRenderEngine();
    private final RayTracer tracer = new RayTracer(SceneParser.parse(SCENE));

    @TempDir
    Path out;

    @Test
    void wholeFramesAreBeautyFramesAtTheirStagedFrameNames() throws Exception {
        StagingPaths staging = new StagingPaths(out, "t-frames", 1, "cpu-1");
        List<Integer> progress = new ArrayList<>();

        RenderResult result = engine.render(request(TaskKind.RENDER, 2, 3, null, List.of(), List.of(), staging),
                (frame, done, total) -> progress.add(done * 10 + total));

        assertEquals(List.of(12, 22), progress);
        assertEquals(List.of(2, 3), result.frames().stream().map(RenderedFrame::frame).toList());
        for (RenderedFrame frame : result.frames()) {
            OutputFile file = frame.files().get(0);
            assertEquals(1, frame.files().size());
            assertEquals(staging.frame(frame.frame()), file.finalPath());
            assertEquals(staging.staged(file.finalPath()), file.staged());
            assertArrayEquals(tracer.render(frame.frame(), Region.full(W, H), Pass.BEAUTY).toPng(),
                    Files.readAllBytes(file.staged()));
        }
        assertTrue(Files.notExists(staging.frame(2)), "never writes a final name");
    }

    @Test
    void aTileIsTheRegionOfTheBeautyFrame() throws Exception {
        StagingPaths staging = new StagingPaths(out, "t-tile", 2, "cpu-1");
        PixelRegion region = new PixelRegion(21, 12, 22, 13);

        RenderResult result = engine.render(request(TaskKind.RENDER, 5, 5, region, List.of(), List.of(), staging),
                (f, d, t) -> { });

        OutputFile file = result.frames().get(0).files().get(0);
        assertEquals(staging.tile(5, region), file.finalPath());
        assertEquals(staging.staged(staging.tile(5, region)), file.staged());
        Image tile = Image.readPng(file.staged());
        assertEquals(22, tile.width());
        assertEquals(13, tile.height());
        assertEquals(0, tile.maxChannelDifference(tracer.render(5, new Region(21, 12, 22, 13), Pass.BEAUTY)));
    }

    @Test
    void passesAreWrittenAsExactPfmAndViewablePng() throws Exception {
        StagingPaths staging = new StagingPaths(out, "t-passes", 1, "cpu-1");

        RenderResult result = engine.render(request(TaskKind.RENDER, 4, 4, null, List.of("diffuse", "beauty"),
                List.of(), staging), (f, d, t) -> { });

        List<OutputFile> files = result.frames().get(0).files();
        assertEquals(List.of(staging.pass(4, "beauty", "pfm"), staging.pass(4, "beauty", "png"),
                staging.pass(4, "diffuse", "pfm"), staging.pass(4, "diffuse", "png")),
                files.stream().map(OutputFile::finalPath).toList());
        for (Pass pass : List.of(Pass.DIFFUSE, Pass.BEAUTY)) {
            Image expected = tracer.render(4, Region.full(W, H), pass);
            assertEquals(expected, Image.readPfm(staging.staged(staging.pass(4, pass.id(), "pfm"))), pass.id());
            assertArrayEquals(expected.toPng(), Files.readAllBytes(staging.staged(staging.pass(4, pass.id(), "png"))));
        }
        assertNotEquals(Image.readPfm(staging.staged(staging.pass(4, "diffuse", "pfm"))),
                Image.readPfm(staging.staged(staging.pass(4, "beauty", "pfm"))));
    }

    @Test
    void tilesOfAnUnevenGridAssembleToTheFullRenderByteForByte() throws Exception {
        int frame = 7;
        List<TaskInput> inputs = new ArrayList<>();
        int[] xs = {0, 13, 40, W};
        int[] ys = {0, 11, H};
        int n = 0;
        for (int row = 0; row + 1 < ys.length; row++) {
            for (int col = 0; col + 1 < xs.length; col++) {
                PixelRegion region = new PixelRegion(xs[col], ys[row], xs[col + 1] - xs[col], ys[row + 1] - ys[row]);
                StagingPaths tileStaging = new StagingPaths(out, "t-tile-" + n++, 1, "cpu-1");
                RenderResult tile = engine.render(request(TaskKind.RENDER, frame, frame, region, List.of(), List.of(),
                        tileStaging), (f, d, t) -> { });
                inputs.add(new TaskInput(commit(tile).toString(), frame, region, null));
            }
        }
        StagingPaths staging = new StagingPaths(out, "t-assemble", 1, "cpu-1");

        RenderResult result = engine.render(request(TaskKind.ASSEMBLE, frame, frame, null, List.of(), inputs, staging),
                (f, d, t) -> { });

        OutputFile file = result.frames().get(0).files().get(0);
        assertEquals(staging.frame(frame), file.finalPath());
        byte[] full = tracer.render(frame, Region.full(W, H), Pass.BEAUTY).toPng();
        assertArrayEquals(full, Files.readAllBytes(file.staged()));
    }

    @Test
    void aMissingTileFailsNamingTheFile() {
        Path missing = out.resolve("tiles/frame_0001/tile_x0000_y0000.png");
        List<TaskInput> inputs = List.of(new TaskInput(missing.toString(), 1, new PixelRegion(0, 0, W, H), null));

        MissingInputException e = assertThrows(MissingInputException.class, () -> engine.render(
                request(TaskKind.ASSEMBLE, 1, 1, null, List.of(), inputs, new StagingPaths(out, "t-a", 1, "cpu-1")),
                (f, d, t) -> { }));

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void tilesThatLeaveAHoleOrHaveTheWrongSizeFail() throws Exception {
        Path tile = out.resolve("tile.png");
        tracer.render(1, new Region(0, 0, 32, H), Pass.BEAUTY).writePng(tile);
        StagingPaths staging = new StagingPaths(out, "t-hole", 1, "cpu-1");

        IllegalArgumentException hole = assertThrows(IllegalArgumentException.class, () -> engine.render(
                request(TaskKind.ASSEMBLE, 1, 1, null, List.of(),
                        List.of(new TaskInput(tile.toString(), 1, new PixelRegion(0, 0, 32, H), null)), staging),
                (f, d, t) -> { }));
        assertTrue(hole.getMessage().contains("uncovered"), hole.getMessage());

        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> engine.render(
                request(TaskKind.ASSEMBLE, 1, 1, null, List.of(),
                        List.of(new TaskInput(tile.toString(), 1, new PixelRegion(0, 0, W, H), null)), staging),
                (f, d, t) -> { }));
        assertTrue(size.getMessage().contains(tile.toString()), size.getMessage());
    }

    @Test
    void passesCompositeToTheBeautyPassWithinTwoLevels() throws Exception {
        int frame = 9;
        StagingPaths passes = new StagingPaths(out, "t-layers", 1, "cpu-1");
        List<String> ids = List.of("diffuse", "specular", "shadows", "reflections", "beauty");
        RenderResult layers = engine.render(request(TaskKind.RENDER, frame, frame, null, ids, List.of(), passes),
                (f, d, t) -> { });
        commit(layers);
        List<TaskInput> inputs = ids.stream()
                .map(id -> new TaskInput(passes.pass(frame, id, "pfm").toString(), frame, null, id)).toList();
        StagingPaths staging = new StagingPaths(out, "t-composite", 1, "cpu-1");

        RenderResult result = engine.render(request(TaskKind.COMPOSITE, frame, frame, null, List.of(), inputs,
                staging), (f, d, t) -> { });

        OutputFile file = result.frames().get(0).files().get(0);
        assertEquals(staging.frame(frame), file.finalPath());
        Image beauty = Image.readPng(passes.pass(frame, "beauty", "png"));
        int diff = Image.readPng(file.staged()).maxChannelDifference(beauty);
        assertTrue(diff <= 2, "composite differs from beauty by " + diff + "/255");
    }

    @Test
    void aCompositeWithoutANeededPassFailsNamingIt() throws Exception {
        StagingPaths passes = new StagingPaths(out, "t-some", 1, "cpu-1");
        commit(engine.render(request(TaskKind.RENDER, 1, 1, null, List.of("diffuse"), List.of(), passes),
                (f, d, t) -> { }));
        List<TaskInput> inputs = List.of(new TaskInput(passes.pass(1, "diffuse", "pfm").toString(), 1, null,
                "diffuse"), new TaskInput(passes.pass(1, "specular", "pfm").toString(), 1, null, "specular"));

        MissingInputException e = assertThrows(MissingInputException.class, () -> engine.render(
                request(TaskKind.COMPOSITE, 1, 1, null, List.of(), inputs, new StagingPaths(out, "t-c", 1, "cpu-1")),
                (f, d, t) -> { }));
        assertTrue(e.getMessage().contains("specular.pfm"), e.getMessage());
    }

    /** Moves every staged file of a result to its final name (what monitoring does) and returns the last one. */
    private static Path commit(RenderResult result) throws Exception {
        Path last = null;
        for (RenderedFrame frame : result.frames()) {
            for (OutputFile file : frame.files()) {
                Files.createDirectories(file.finalPath().getParent());
                Files.move(file.staged(), file.finalPath());
                last = file.finalPath();
            }
        }
        return last;
    }

    private static RenderRequest request(TaskKind kind, int start, int end, PixelRegion region, List<String> passes,
                                         List<TaskInput> inputs, StagingPaths staging) {
        return new RenderRequest(SCENE, start, end, kind, region, passes, inputs, staging);
    }

    static String demoScene(int width, int height) {
        try {
            ObjectNode scene = (ObjectNode) Json.MAPPER.readTree(BundledScenes.demo());
            scene.put("width", width);
            scene.put("height", height);
            return Json.MAPPER.writeValueAsString(scene);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
