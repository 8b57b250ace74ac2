package io.tessera.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.Topics;
import io.tessera.e2e.E2eFarm;
import io.tessera.e2e.JobsApi;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A job of one-frame tasks run under faults, watched through the REST gateway the way a studio would watch it.
 * Every read tolerates the gateway being down (a chaos scenario may have killed submission): it answers null or
 * -1 and the caller polls again.
 */
final class ChaosJob {

    private static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");

    private final JobsApi api;
    private final String jobId;
    private final Path outputDir;
    private final int firstFrame;
    private final int frames;
    private final int width;
    private final int height;
    private Instant finishedAt;

    private ChaosJob(JobsApi api, String jobId, Path outputDir, int firstFrame, int frames, int width, int height) {
        this.api = api;
        this.jobId = jobId;
        this.outputDir = outputDir;
        this.firstFrame = firstFrame;
        this.frames = frames;
        this.width = width;
        this.height = height;
    }

    /**
     * Submits the bundled demo scene at {@code width}×{@code height}, frames 1..{@code frames}, one frame per task
     * (the scene declares {@code frames} frames; past its 48 animated ones the keyframes hold their last value).
     */
    static ChaosJob submit(String name, int frames, int width, int height) {
        return submit(name, 1, frames, width, height);
    }

    /**
     * As {@link #submit(String, int, int, int)} with frames {@code firstFrame}..{@code firstFrame + frames - 1}, so
     * jobs on the same workers can cover different frames (fault rules name frames).
     */
    static ChaosJob submit(String name, int firstFrame, int frames, int width, int height) {
        JobsApi api = E2eFarm.api();
        int lastFrame = firstFrame + frames - 1;
        ObjectNode job = JobsApi.demoJob(name, "cpu", firstFrame, lastFrame, 1, width, height);
        ((ObjectNode) job.get("scene").get("animation")).put("frameEnd", lastFrame);
        JobsApi.Response created = api.submit(job);
        assertEquals(201, created.status(), created.body());
        JsonNode view = created.json();
        return new ChaosJob(api, view.path("jobId").asText(), Path.of(view.path("outputDir").asText()), firstFrame,
                frames, width, height);
    }

    String id() {
        return jobId;
    }

    int frames() {
        return frames;
    }

    Path outputDir() {
        return outputDir;
    }

    /** The job view, or null when the gateway does not answer. */
    JsonNode view() {
        try {
            JobsApi.Response response = api.get("/api/v1/jobs/" + jobId);
            return response.status() == 200 ? response.json() : null;
        } catch (RuntimeException gatewayDown) {
            return null;
        }
    }

    /** The job's tasks, or null when the gateway does not answer. */
    JsonNode tasks() {
        try {
            JobsApi.Response response = api.get("/api/v1/jobs/" + jobId + "/tasks");
            return response.status() == 200 ? response.json() : null;
        } catch (RuntimeException gatewayDown) {
            return null;
        }
    }

    /** The task covering {@code frame}, as the gateway shows it now. */
    JsonNode taskCovering(int frame) {
        JsonNode tasks = tasks();
        if (tasks != null) {
            for (JsonNode task : tasks) {
                if (task.path("frameStart").asInt() <= frame && frame <= task.path("frameEnd").asInt()) {
                    return task;
                }
            }
        }
        throw new AssertionError("no task of job " + jobId + " covers frame " + frame + ": " + tasks);
    }

    /**
     * Every state change monitoring published for {@code taskId} on {@code farm.job-status.v1}, oldest first: each
     * failed attempt shows up as {@code FAILED} with its attempt number and the worker's reason.
     */
    List<JsonNode> statusChanges(String taskId) {
        List<JsonNode> changes = new ArrayList<>();
        for (ChaosTopics.Event event : ChaosTopics.eventsOf(E2eFarm.farm().bootstrapServers(), Topics.JOB_STATUS,
                jobId)) {
            if ("io.tessera.TaskStatusChanged".equals(event.type())
                    && taskId.equals(event.data().path("taskId").asText())) {
                changes.add(event.data());
            }
        }
        changes.sort(Comparator.comparingLong(change -> change.path("version").asLong()));
        return changes;
    }

    /** Tasks SUCCEEDED so far, -1 when unknown. */
    int succeeded() {
        JsonNode view = view();
        return view == null ? -1 : view.path("progress").path("tasksByState").path("SUCCEEDED").asInt(0);
    }

    /** Whether the job reached a terminal state (remembering when it was first seen there). */
    boolean finished() {
        JsonNode view = view();
        return view != null && noteTerminal(view);
    }

    /** Waits until at least {@code count} tasks succeeded or the job ended; false when it ended first. */
    boolean awaitSucceeded(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode view = view();
            if (view != null) {
                if (noteTerminal(view)) {
                    return false;
                }
                if (view.path("progress").path("tasksByState").path("SUCCEEDED").asInt(0) >= count) {
                    return true;
                }
            }
            sleep(200);
        }
        throw new AssertionError("job " + jobId + " did not reach " + count + " succeeded tasks within " + timeout
                + "; last seen: " + view());
    }

    /** Waits for a terminal state; the view is returned, or the last one seen when the timeout passes. */
    JsonNode awaitTerminal(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            JsonNode view = view();
            if (view != null) {
                last = view;
                if (noteTerminal(view)) {
                    return view;
                }
            }
            sleep(250);
        }
        return last;
    }

    private boolean noteTerminal(JsonNode view) {
        boolean terminal = TERMINAL.contains(view.path("state").asText());
        if (terminal && finishedAt == null) {
            finishedAt = Instant.now();
        }
        return terminal;
    }

    /**
     * Waits for the job to end, then checks what a user would: its state, every task SUCCEEDED (waiting a little
     * for the gateway's read model to catch up), the output directory holding exactly frame_0001..N once each,
     * and the acceptances monitoring published for the job on {@code farm.job-status.v1}.
     *
     * @param lastFault when the last fault was injected (recovery is counted from there)
     */
    ChaosOutcome outcome(Instant lastFault, Duration timeout) {
        return outcome(lastFault, timeout, true);
    }

    /**
     * As {@link #outcome}, for a job meant to FAIL: its DEAD task and the tasks CANCELLED with the job are not lost,
     * and the output directory must hold exactly the frames of the SUCCEEDED tasks, once each.
     */
    ChaosOutcome outcomeOfFailedJob(Instant lastFault, Duration timeout) {
        return outcome(lastFault, timeout, false);
    }

    private ChaosOutcome outcome(Instant lastFault, Duration timeout, boolean allMustSucceed) {
        JsonNode job = awaitTerminal(timeout);
        String state = job == null ? "UNKNOWN (gateway not answering)" : job.path("state").asText();
        if (!TERMINAL.contains(state)) {
            state = state + " (not finished after " + timeout + ")";
        }
        JsonNode tasks = settledTasks();
        List<String> notSucceeded = new ArrayList<>();
        Map<String, Integer> acceptedAttempt = new HashMap<>();
        Set<Integer> lost = new TreeSet<>();
        Set<Integer> expected = new TreeSet<>();
        int retried = 0;
        int taskCount = 0;
        for (JsonNode task : tasks == null ? JobsApi.JSON.createArrayNode() : tasks) {
            taskCount++;
            String taskState = task.path("state").asText();
            Set<Integer> taskFrames = new TreeSet<>();
            for (int f = task.path("frameStart").asInt(); f <= task.path("frameEnd").asInt(); f++) {
                taskFrames.add(f);
            }
            if ("SUCCEEDED".equals(taskState)) {
                expected.addAll(taskFrames);
                acceptedAttempt.put(task.path("taskId").asText(), task.path("attempt").asInt());
                if (task.path("attempt").asInt() > 1) {
                    retried++;
                }
            } else {
                notSucceeded.add(task.path("taskId").asText() + " " + taskState + " attempt "
                        + task.path("attempt").asInt() + " on " + task.path("workerId").asText());
                if (allMustSucceed || !Set.of("DEAD", "CANCELLED").contains(taskState)) {
                    lost.addAll(taskFrames);
                }
            }
        }
        if (tasks == null) {
            notSucceeded.add("(task list unavailable)");
        }
        if (allMustSucceed) {
            for (int frame = firstFrame; frame < firstFrame + frames; frame++) {
                expected.add(frame);
            }
        }
        lost.addAll(framesMissing(expected));
        String bootstrap = E2eFarm.farm().bootstrapServers();
        Set<String> acceptedTwice = acceptedTwice(bootstrap);
        int late = lateCompletions(bootstrap, acceptedAttempt);
        double recovery = finishedAt == null || lastFault == null ? -1
                : Duration.between(lastFault, finishedAt).toMillis() / 1000.0;
        return new ChaosOutcome(state, taskCount, notSucceeded, lost, extraEntries(expected), acceptedTwice, retried,
                late, stagingLeftovers(), recovery);
    }

    /** The task list once every task is terminal (the read model trails monitoring a little), or the last seen. */
    private JsonNode settledTasks() {
        JsonNode last = null;
        for (int i = 0; i < 120; i++) {
            JsonNode tasks = tasks();
            if (tasks != null) {
                last = tasks;
                boolean settled = tasks.size() == frames;
                for (JsonNode task : tasks) {
                    settled &= Set.of("SUCCEEDED", "DEAD", "CANCELLED").contains(task.path("state").asText());
                }
                if (settled) {
                    return tasks;
                }
            }
            sleep(250);
        }
        return last;
    }

    /** Tasks of this job that monitoring published as SUCCEEDED more than once (distinct status versions). */
    private Set<String> acceptedTwice(String bootstrap) {
        Map<String, Set<Long>> successes = new HashMap<>();
        for (ChaosTopics.Event event : ChaosTopics.eventsOf(bootstrap, Topics.JOB_STATUS, jobId)) {
            if ("io.tessera.TaskStatusChanged".equals(event.type())
                    && "SUCCEEDED".equals(event.data().path("state").asText())) {
                successes.computeIfAbsent(event.data().path("taskId").asText(), t -> new HashSet<>())
                        .add(event.data().path("version").asLong());
            }
        }
        Set<String> twice = new TreeSet<>();
        successes.forEach((task, versions) -> {
            if (versions.size() > 1) {
                twice.add(task + " versions " + versions);
            }
        });
        return twice;
    }

    /** Distinct (task, attempt) completions reported by workers for an attempt that was not the accepted one. */
    private int lateCompletions(String bootstrap, Map<String, Integer> acceptedAttempt) {
        Set<String> late = new HashSet<>();
        for (ChaosTopics.Event event : ChaosTopics.eventsOf(bootstrap, Topics.TASK_EVENTS, jobId)) {
            if ("io.tessera.TaskCompleted".equals(event.type())) {
                String taskId = event.data().path("taskId").asText();
                int attempt = event.data().path("attempt").asInt();
                Integer accepted = acceptedAttempt.get(taskId);
                if (accepted != null && accepted != attempt) {
                    late.add(taskId + "#" + attempt);
                }
            }
        }
        return late.size();
    }

    private Set<Integer> framesMissing(Set<Integer> expected) {
        Set<Integer> missing = new TreeSet<>();
        for (int frame : expected) {
            Path file = outputDir.resolve(String.format("frame_%04d.png", frame));
            if (!Files.isRegularFile(file)) {
                missing.add(frame);
                continue;
            }
            try {
                BufferedImage image = ImageIO.read(file.toFile());
                if (image == null || image.getWidth() != width || image.getHeight() != height) {
                    missing.add(frame);
                }
            } catch (IOException unreadable) {
                missing.add(frame);
            }
        }
        return missing;
    }

    private List<String> extraEntries(Set<Integer> expected) {
        if (!Files.isDirectory(outputDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(outputDir)) {
            return entries.map(f -> f.getFileName().toString())
                    .filter(name -> !".staging".equals(name) && !isExpectedFrame(name, expected))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isExpectedFrame(String name, Set<Integer> expected) {
        return name.matches("frame_\\d{4}\\.png") && expected.contains(Integer.parseInt(name.substring(6, 10)));
    }

    /** Regular files under {@code .staging/}: written by an attempt that was never (or not yet) committed. */
    int stagingLeftovers() {
        Path staging = outputDir.resolve(".staging");
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            return (int) files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
