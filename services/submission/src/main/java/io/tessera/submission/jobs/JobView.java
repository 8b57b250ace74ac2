package io.tessera.submission.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tessera.contracts.Capability;
import io.tessera.contracts.JobState;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.FrameRange;
import io.tessera.contracts.status.Progress;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A job as the REST API shows it. */
public record JobView(
        String jobId,
        String requestId,
        String name,
        String studio,
        JobState state,
        int priority,
        Capability capability,
        FrameRange frames,
        int chunkSize,
        String outputDir,
        Progress progress,
        String reason,
        Instant createdAt,
        Instant updatedAt) {

    private static final TypeReference<LinkedHashMap<String, Integer>> COUNTS = new TypeReference<>() {
    };

    /** The view of a stored job. */
    public static JobView of(JobEntity job) {
        return new JobView(job.jobId, job.requestId, job.name, job.studio, job.state, job.priority, job.capability,
                new FrameRange(job.frameStart, job.frameEnd), job.chunkSize, job.outputDir,
                new Progress(job.tasksTotal, countsOf(job.tasksByState), job.framesDone, job.framesTotal),
                job.reason, job.createdAt, job.updatedAt);
    }

    /** Task counts by state from their stored JSON form. */
    static Map<String, Integer> countsOf(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(json, COUNTS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
