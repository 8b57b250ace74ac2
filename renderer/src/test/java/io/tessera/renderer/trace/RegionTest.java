package io.tessera.renderer.trace;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionTest {

    @Test
    void fullCoversTheImage() {
        assertEquals(new Region(0, 0, 320, 180), Region.full(320, 180));
        assertEquals(57600, Region.full(320, 180).pixels());
    }

    @Test
    void rejectsNegativeCornersAndEmptySizes() {
        assertThrows(IllegalArgumentException.class, () -> new Region(-1, 0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new Region(0, -1, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new Region(0, 0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Region(0, 0, 10, -3));
        assertThrows(IllegalArgumentException.class, () -> Region.full(0, 10));
    }

    @Test
    void knowsWhetherItFitsInAnImage() {
        assertTrue(new Region(310, 170, 10, 10).fitsIn(320, 180));
        assertFalse(new Region(311, 170, 10, 10).fitsIn(320, 180));
        assertFalse(new Region(0, 171, 10, 10).fitsIn(320, 180));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Region(311, 0, 10, 10).checkInside(320, 180));
        assertTrue(e.getMessage().contains("320x180"), e.getMessage());
    }
}
