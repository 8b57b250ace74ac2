package io.tessera.submission.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChunkingTest {

    @Test
    void countsFramesInclusively() {
        assertEquals(48, Chunking.frameCount(1, 48));
        assertEquals(1, Chunking.frameCount(7, 7));
        assertEquals(0, Chunking.frameCount(10, 1));
        assertEquals(2_147_483_648L, Chunking.frameCount(0, Integer.MAX_VALUE));
    }

    @Test
    void roundsTaskCountsUp() {
        assertEquals(12, Chunking.taskCount(48, 4));
        assertEquals(13, Chunking.taskCount(49, 4));
        assertEquals(1, Chunking.taskCount(3, 1000));
        assertEquals(48, Chunking.taskCount(48, 1));
        assertEquals(0, Chunking.taskCount(0, 5));
        assertEquals(2_147_483_648L, Chunking.taskCount(2_147_483_648L, 1));
        assertThrows(IllegalArgumentException.class, () -> Chunking.taskCount(10, 0));
    }
}
