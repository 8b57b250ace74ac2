package io.tessera.segmentation.priority;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Key-frame dispatch order over {@code n} items (frames, or chunks by chunk index): the first item, then the last,
 * then the middle, then the midpoints of the remaining gaps breadth first (bisection). Rendering in this order shows
 * the whole shot coarsely early and refines it, so a broken scene is noticed after a few tasks, not at the end.
 * <p>
 * Example, {@code n = 9}: {@code 0, 8, 4, 2, 6, 1, 3, 5, 7}. The middle of a gap {@code (lo, hi)} is
 * {@code (lo + hi) / 2}, rounded down.
 */
public final class KeyFrameOrder {

    /** How many ranks count as key frames: the tasks of ranks 0, 1 and 2 (first, last, middle) of a preview job. */
    public static final int PREVIEW_RANKS = 3;

    private KeyFrameOrder() {
    }

    /** The items {@code 0..n-1} in dispatch order. */
    public static int[] sequence(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        int[] sequence = new int[n];
        if (n == 0) {
            return sequence;
        }
        int next = 0;
        sequence[next++] = 0;
        if (n > 1) {
            sequence[next++] = n - 1;
        }
        Deque<int[]> gaps = new ArrayDeque<>();
        gaps.add(new int[] {0, n - 1});
        while (!gaps.isEmpty()) {
            int[] gap = gaps.poll();
            int lo = gap[0];
            int hi = gap[1];
            if (hi - lo > 1) {
                int middle = lo + (hi - lo) / 2;
                sequence[next++] = middle;
                gaps.add(new int[] {lo, middle});
                gaps.add(new int[] {middle, hi});
            }
        }
        return sequence;
    }

    /** The rank of every item: {@code ranks(n)[item]} is its position in {@link #sequence(int)} (0 = first). */
    public static int[] ranks(int n) {
        int[] sequence = sequence(n);
        int[] ranks = new int[n];
        for (int position = 0; position < n; position++) {
            ranks[sequence[position]] = position;
        }
        return ranks;
    }

    /** Whether the tasks of an item with this rank are key-frame tasks of a preview job. */
    public static boolean isPreviewRank(int rank) {
        return rank < PREVIEW_RANKS;
    }
}
