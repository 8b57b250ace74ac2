package io.tessera.segmentation.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.segmentation.SegmentationConfig;
import io.tessera.segmentation.frames.FrameChunkStrategy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private final Segmenter segmenter = new Segmenter(new SegmentationConfig() {
        @Override
        public int maxTasksPerJob() {
            return 100;
        }

        @Override
        public int publishConcurrency() {
            return 8;
        }
    });

    @Test
    void framesAreTheStrategyOfEveryJobToday() {
        JobSubmitted job = new JobSubmitted("j", "r", "n", "s", "{}", 1, 5, 2, "/o", 50,
                new io.tessera.contracts.jobs.Requirements(io.tessera.contracts.Capability.CPU, null, null),
                Instant.now());
        assertInstanceOf(FrameChunkStrategy.class, segmenter.strategyFor(job));
        assertEquals(3, segmenter.plan(job).size());
    }

    @Test
    void missingCapabilityIsInvalid() {
        JobSubmitted job = new JobSubmitted("j", "r", "n", "s", "{}", 1, 5, 2, "/o", 50, null, Instant.now());
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> segmenter.plan(job));
        assertEquals("requirements.capability: is required", e.getMessage());
    }

    @Test
    void missingJobIdIsInvalid() {
        JobSubmitted job = new JobSubmitted(" ", "r", "n", "s", "{}", 1, 5, 2, "/o", 50, null, Instant.now());
        assertEquals("jobId: is required",
                assertThrows(InvalidEventException.class, () -> segmenter.plan(job)).getMessage());
    }

    @Test
    void taskIdsArePaddedToFiveDigits() {
        assertEquals("job-7-t00000", SegmentationStrategy.taskId("job-7", 0));
        assertEquals("job-7-t12345", SegmentationStrategy.taskId("job-7", 12345));
    }
}
