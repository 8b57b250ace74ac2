package io.tessera.worker.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.contracts.tasks.OutputNames;
import io.tessera.contracts.tasks.PixelRegion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Output names per task kind: final names from OutputNames, staged under the attempt-private directory. */
class StagingPathsTest {

    private static final Path OUT = Path.of("/farm/out/job-7");
    private final StagingPaths paths = new StagingPaths(OUT, "job-7-t00003", 2, "cpu-1");

    @Test
    void stagedFilesAreAttemptPrivate() {
        assertEquals(Path.of("/farm/out/job-7/.staging/job-7-t00003/attempt-2-cpu-1"), paths.attemptDir());
        assertEquals(Path.of("/farm/out/job-7/.staging/job-7-t00003/attempt-2-cpu-1/frame_0012.png"),
                paths.staged(paths.frame(12)));
    }

    @Test
    void theRunIsAFileNameEvenWhenTheWorkerIdIsNot() {
        StagingPaths odd = new StagingPaths(OUT, "job-7-t00003", 1, "host/1 2");
        assertEquals(Path.of("/farm/out/job-7/.staging/job-7-t00003/attempt-1-host_1_2"), odd.attemptDir());
    }

    @Test
    void wholeFramesAssembliesAndCompositesAreFrameFiles() {
        assertEquals(Path.of("/farm/out/job-7/frame_0012.png"), paths.frame(12));
        assertEquals(OutputNames.frame(OUT, 12), paths.frame(12));
        assertEquals(Path.of("/farm/out/job-7/frame_12345.png"), paths.frame(12345));
    }

    @Test
    void tilesAreNamedByFrameAndCorner() {
        PixelRegion region = new PixelRegion(64, 32, 21, 17);
        assertEquals(Path.of("/farm/out/job-7/tiles/frame_0003/tile_x0064_y0032.png"), paths.tile(3, region));
        assertEquals(OutputNames.tile(OUT, 3, region), paths.tile(3, region));
        assertEquals(Path.of("/farm/out/job-7/.staging/job-7-t00003/attempt-2-cpu-1/tiles/frame_0003/tile_x0064_y0032.png"),
                paths.staged(paths.tile(3, region)));
    }

    @Test
    void passesAreNamedByFramePassAndFormat() {
        assertEquals(Path.of("/farm/out/job-7/passes/frame_0003/diffuse.pfm"), paths.pass(3, "diffuse", "pfm"));
        assertEquals(Path.of("/farm/out/job-7/passes/frame_0003/ambient_occlusion.png"),
                paths.pass(3, "ambient_occlusion", "png"));
        assertEquals(OutputNames.pass(OUT, 3, "beauty", "png"), paths.pass(3, "beauty", "png"));
        assertEquals(Path.of("/farm/out/job-7/.staging/job-7-t00003/attempt-2-cpu-1/passes/frame_0003/diffuse.pfm"),
                paths.staged(paths.pass(3, "diffuse", "pfm")));
    }
}
