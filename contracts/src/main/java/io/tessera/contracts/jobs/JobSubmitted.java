package io.tessera.contracts.jobs;

import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Instant;

/**
 * A validated job was accepted and persisted by the submission service.
 *
 * @param scene     the scene JSON, as text
 * @param outputDir absolute output directory of the job's images
 */
public record JobSubmitted(
        String jobId,
        String requestId,
        String name,
        String studio,
        String scene,
        int frameStart,
        int frameEnd,
        int chunkSize,
        String outputDir,
        int priority,
        Requirements requirements,
        Instant submittedAt) implements TesseraEvent {

    @Override
    public String subject() {
        return jobId;
    }
}
