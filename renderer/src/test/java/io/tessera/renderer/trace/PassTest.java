package io.tessera.renderer.trace;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassTest {

    @Test
    void idsAreLowercaseNamesAndRoundTrip() {
        assertEquals("ambient_occlusion", Pass.AMBIENT_OCCLUSION.id());
        assertEquals("beauty", Pass.BEAUTY.id());
        for (Pass p : Pass.values()) {
            assertEquals(p, Pass.fromId(p.id()));
        }
    }

    @Test
    void unknownIdNamesTheAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pass.fromId("BEAUTY"));

        assertTrue(e.getMessage().contains("'BEAUTY'"), e.getMessage());
        assertTrue(e.getMessage().contains(
                "beauty, diffuse, specular, shadows, reflections, ambient_occlusion"), e.getMessage());
    }
}
