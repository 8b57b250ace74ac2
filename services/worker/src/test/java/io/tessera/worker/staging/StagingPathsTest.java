package io.tessera.worker.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StagingPathsTest {

    private final StagingPaths paths = new StagingPaths(Path.of("/farm/out/job-7"), "job-7-t00003", 2);

    @Test
    void stagedFilesAreAttemptPrivate() {
        assertEquals(Path.of("/farm/out/job-7/.staging/job-7-t00003/attempt-2"), paths.attemptDir());
        assertEquals(Path.of("/farm/out/job-7/.staging/job-7-t00003/attempt-2/frame_0012.png"), paths.staged(12));
    }

    @Test
    void finalNamesSitInTheOutputDirectory() {
        assertEquals(Path.of("/farm/out/job-7/frame_0012.png"), paths.finalPath(12));
    }

    @Test
    void framesHaveAtLeastFourDigits() {
        assertEquals("frame_0001.png", StagingPaths.fileName(1));
        assertEquals("frame_9999.png", StagingPaths.fileName(9999));
        assertEquals("frame_12345.png", StagingPaths.fileName(12345));
    }
}
