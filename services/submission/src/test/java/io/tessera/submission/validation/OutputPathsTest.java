package io.tessera.submission.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputPathsTest {

    private final OutputPaths outputs = new OutputPaths(Path.of("/srv/farm/../out/"));

    @Test
    void normalisesTheRoot() {
        assertEquals(Path.of("/srv/out"), outputs.root());
    }

    @Test
    void resolvesRelativeDirectoriesInsideTheRoot() {
        assertEquals(Path.of("/srv/out/shots/sh010"), outputs.resolve("shots/./sh010"));
        assertEquals(Path.of("/srv/out/b"), outputs.resolve("a/../b"));
        assertEquals(Optional.empty(), outputs.check("job-42"));
    }

    @Test
    void rejectsEscapesAbsolutePathsAndTheRootItself() {
        assertTrue(outputs.check("../etc").isPresent());
        assertTrue(outputs.check("a/../../out2").isPresent());
        assertTrue(outputs.check("/etc").isPresent());
        assertTrue(outputs.check(".").isPresent());
        assertTrue(outputs.check("a/..").isPresent());
        assertTrue(outputs.check(" ").isPresent());
        assertTrue(outputs.check("bad\0name").isPresent());
        assertThrows(IllegalArgumentException.class, () -> outputs.resolve("../x"));
    }

    @Test
    void rejectsOutputsTooLongToStoreOrCreate() {
        assertEquals(Optional.of("must be at most 1024 characters, was 1000000"), outputs.check("o".repeat(1_000_000)));
        assertEquals(Optional.of("must not hold a directory name longer than 255 bytes"),
                outputs.check("shots/" + "n".repeat(256)));
        assertEquals(Optional.empty(), outputs.check("shots/" + "n".repeat(255)));
        assertEquals(Optional.empty(), outputs.check(("a".repeat(200) + "/").repeat(5)));
    }
}
