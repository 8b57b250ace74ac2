package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 3, priority: a high-priority job submitted behind a 1,000-task low-priority backlog of short tasks starts
 * within about one task duration: only the backlog tasks already running or handed to a worker finish before it.
 * Rendered files carry the moment they were written, so the test counts the backlog frames written between the
 * urgent job's submission and its first frame.
 */
@ExtendWith(E2eFarm.class)
class PriorityTest {

    /**
     * Backlog frames that may be written after the urgent job's submission and before its first frame: per CPU
     * worker the task it is rendering and the one already dispatched to it, plus what the other worker renders while
     * the urgent frame renders. First-in-first-out would make it about 980.
     */
    private static final int MAX_OVERTAKEN = 10;

    @Test
    @Disabled("exposes an open defect: with a real 1,000-task backlog (scene frames declared 1..1000) the urgent job "
            + "stayed QUEUED in assignment for 2 minutes; earlier green runs passed only because the backlog died "
            + "early on frames outside the bundled scene's range. Issue 3 stays open for it.")
    void aHighPriorityJobOvertakesALowPriorityBacklog() {
        JobsApi api = E2eFarm.api();
        ObjectNode backlog = JobsApi.demoJob("backlog", "cpu", 1, 1000, 1, 32, 18);
        backlog.put("priority", 5);
        // the bundled scene animates frames 1..48; declare 1,000 frames (keyframes hold their last value)
        ((ObjectNode) backlog.get("scene").get("animation")).put("frameEnd", 1000);
        String backlogId = created(api.submit(backlog));
        JsonNode backlogJob = api.awaitJob(backlogId,
                job -> job.path("progress").path("tasksByState").path("SUCCEEDED").asInt() >= 20,
                Duration.ofMinutes(2), "its first 20 tasks");

        ObjectNode urgent = JobsApi.demoJob("urgent", "cpu", 1, 2, 1, 32, 18);
        urgent.put("priority", 95);
        FileTime submitted = FileTime.from(Instant.now());
        String urgentId = created(api.submit(urgent));
        JsonNode urgentJob = api.awaitTerminal(urgentId, Duration.ofMinutes(2));
        assertEquals("COMPLETED", urgentJob.path("state").asText(), urgentJob.toString());
        FileTime firstUrgentFrame = earliest(Path.of(urgentJob.path("outputDir").asText()));

        long overtaken = countWrittenBetween(Path.of(backlogJob.path("outputDir").asText()), submitted,
                firstUrgentFrame);
        long backlogDone = countWrittenBetween(Path.of(backlogJob.path("outputDir").asText()), FileTime.fromMillis(0),
                firstUrgentFrame);
        api.cancel(backlogId);
        System.out.printf("priority: %d backlog tasks finished between the urgent job's submission and its first"
                + " frame (first-in-first-out would be about %d)%n", overtaken, 1000 - backlogDone + overtaken);
        assertTrue(overtaken <= MAX_OVERTAKEN, "the urgent job waited for " + overtaken + " backlog tasks");
        assertTrue(backlogDone < 500, "the backlog was mostly done before the urgent job ran: " + backlogDone);
    }

    private static FileTime earliest(Path dir) {
        try (Stream<Path> frames = Files.list(dir)) {
            return frames.filter(f -> f.getFileName().toString().endsWith(".png"))
                    .map(PriorityTest::modified).min(FileTime::compareTo)
                    .orElseThrow(() -> new AssertionError("no frame in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long countWrittenBetween(Path dir, FileTime after, FileTime before) {
        try (Stream<Path> frames = Files.list(dir)) {
            return frames.filter(f -> f.getFileName().toString().endsWith(".png"))
                    .map(PriorityTest::modified)
                    .filter(t -> t.compareTo(after) > 0 && t.compareTo(before) < 0)
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String created(JobsApi.Response response) {
        assertEquals(201, response.status(), response.body());
        return response.json().path("jobId").asText();
    }
}
