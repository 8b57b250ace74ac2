package io.tessera.farm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Renders a job's progress as one terminal line: bar, tasks done/total, running, failed, rate, frames. */
final class ProgressLine {

    private static final int WIDTH = 30;

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
        return String.format(Locale.ROOT, "%-10s [%s%s] tasks %d/%d  running %d  failed %d  %.2f tasks/s  frames %d/%d",
                job.path("state").asText("?"), "#".repeat(filled), ".".repeat(WIDTH - filled), done, total,
                running, failed, rate, progress.path("framesDone").asInt(0), progress.path("framesTotal").asInt(0));
    }

    /** Whether the job reached a final state. */
    static boolean isFinal(JsonNode job) {
        String state = job.path("state").asText("");
        return state.equals("COMPLETED") || state.equals("FAILED") || state.equals("CANCELLED");
    }
}
