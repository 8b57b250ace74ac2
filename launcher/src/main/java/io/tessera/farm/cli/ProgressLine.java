package io.tessera.farm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Renders a job's progress as one terminal line: name, state, bar, tasks done/total, running, failed, rate, and
 * the part that matters for its strategy: frames (animation), tiles (tiled still) or passes (layers).
 */
final class ProgressLine {

    private static final int WIDTH = 24;

    private ProgressLine() {
    }

    /** The line for {@code job} after {@code elapsedSeconds}. */
    static String render(JsonNode job, double elapsedSeconds) {
        JsonNode progress = job.path("progress");
        JsonNode byState = progress.path("tasksByState");
        int total = progress.path("tasksTotal").asInt(0);
        int done = byState.path("SUCCEEDED").asInt(0);
        int running = byState.path("RUNNING").asInt(0);
        int failed = byState.path("FAILED").asInt(0) + byState.path("DEAD").asInt(0);
        int filled = total == 0 ? 0 : Math.min(WIDTH, done * WIDTH / total);
        double rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
        return String.format(Locale.ROOT, "%-19s %-9s [%s%s] tasks %d/%d  running %d  failed %d  %.2f tasks/s  %s",
                job.path("name").asText("?"), job.path("state").asText("?"), "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, running, failed, rate, part(job));
    }

    /** {@code tiles 37/100}, {@code passes 3/6} or {@code frames 12/48}, by the job's strategy. */
    static String part(JsonNode job) {
        JsonNode progress = job.path("progress");
        JsonNode parts = progress.path("parts");
        return switch (job.path("strategy").asText("frames")) {
            case "tiles" -> "tiles " + parts.path("tile").path("done").asInt(0) + "/"
                    + parts.path("tile").path("total").asInt(tileCount(job.path("tiles")));
            case "layers" -> "passes " + parts.path("pass").path("done").asInt(0) + "/"
                    + parts.path("pass").path("total").asInt(job.path("passes").size());
            default -> "frames " + progress.path("framesDone").asInt(0) + "/"
                    + progress.path("framesTotal").asInt(0);
        };
    }

    /** Whether the job reached a final state. */
    static boolean isFinal(JsonNode job) {
        String state = job.path("state").asText("");
        return state.equals("COMPLETED") || state.equals("FAILED") || state.equals("CANCELLED");
    }

    private static int tileCount(JsonNode tiles) {
        return tiles.path("columns").asInt(0) * tiles.path("rows").asInt(0);
    }
}
