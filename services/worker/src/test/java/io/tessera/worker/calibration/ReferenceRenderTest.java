package io.tessera.worker.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReferenceRenderTest {

    @Test
    void scoresFramesPerSecond() {
        double score = new ReferenceRender().framesPerSecond();

        // a 96x54 frame takes milliseconds; even a loaded machine does far more than 0.1 per second
        assertTrue(score > 0.1 && Double.isFinite(score), "score " + score);
    }
}
