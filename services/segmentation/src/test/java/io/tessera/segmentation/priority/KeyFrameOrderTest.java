package io.tessera.segmentation.priority;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyFrameOrderTest {

    @Test
    void oneItemIsFirst() {
        assertArrayEquals(new int[] {0}, KeyFrameOrder.sequence(1));
    }

    @Test
    void twoItemsAreFirstThenLast() {
        assertArrayEquals(new int[] {0, 1}, KeyFrameOrder.sequence(2));
    }

    @Test
    void threeItemsAreFirstLastMiddle() {
        assertArrayEquals(new int[] {0, 2, 1}, KeyFrameOrder.sequence(3));
    }

    @Test
    void fiveItemsBisectTheGapsAfterTheMiddle() {
        assertArrayEquals(new int[] {0, 4, 2, 1, 3}, KeyFrameOrder.sequence(5));
    }

    @Test
    void nineItemsBisectBreadthFirst() {
        assertArrayEquals(new int[] {0, 8, 4, 2, 6, 1, 3, 5, 7}, KeyFrameOrder.sequence(9));
    }

    @Test
    void fortyEightItemsBisectLevelByLevelLeftToRight() {
        assertArrayEquals(new int[] {
                0, 47, 23,
                11, 35,
                5, 17, 29, 41,
                2, 8, 14, 20, 26, 32, 38, 44,
                1, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45,
                4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 34, 37, 40, 43, 46},
                KeyFrameOrder.sequence(48));
    }

    @Test
    void ranksInvertTheSequence() {
        assertArrayEquals(new int[] {0, 5, 3, 6, 2, 7, 4, 8, 1}, KeyFrameOrder.ranks(9));
        assertArrayEquals(new int[0], KeyFrameOrder.ranks(0));
    }

    @Test
    void everyItemGetsExactlyOneRank() {
        for (int n : new int[] {1, 2, 3, 4, 7, 10, 48, 100, 1000, 4097}) {
            int[] sorted = KeyFrameOrder.sequence(n).clone();
            Arrays.sort(sorted);
            assertArrayEquals(IntStream.range(0, n).toArray(), sorted, "n = " + n);
        }
    }

    @Test
    void theFirstThreeRanksArePreviewRanks() {
        assertTrue(KeyFrameOrder.isPreviewRank(0));
        assertTrue(KeyFrameOrder.isPreviewRank(2));
        assertFalse(KeyFrameOrder.isPreviewRank(3));
        assertEquals(3, KeyFrameOrder.PREVIEW_RANKS);
    }
}
