package io.tessera.monitoring.component;

import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.jobs.TileGrid;
import io.tessera.contracts.tasks.OutputNames;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskOutput;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.tasks.TaskStarted;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A test job with a task DAG: either frame 1 cut into tiles plus one assembly task depending on them (like
 * segmentation's tiles strategy), or whole frames without task dependencies; optionally depending on other jobs.
 */
final class DagJob {

    private static final Requirements CPU = new Requirements(Capability.CPU, null, null);

    final String jobId = "dag-" + UUID.randomUUID().toString().substring(0, 8);
    final Path outputDir = RealInfrastructure.outputRoot().resolve(jobId);
    final Strategy strategy;
    final List<TaskPlanned> plans = new ArrayList<>();
    private final int frames;
    private Integer errorLimit;
    private Integer blocklistThreshold;

    private DagJob(Strategy strategy, int frames) {
        this.strategy = strategy;
        this.frames = frames;
    }

    /** Frame 1 in {@code tiles} tiles of 10×10 pixels in a row, then an assembly task depending on every tile. */
    static DagJob tiles(int tiles) {
        DagJob job = new DagJob(Strategy.TILES, 1);
        List<String> tileIds = new ArrayList<>();
        List<TaskInput> inputs = new ArrayList<>();
        for (int i = 0; i < tiles; i++) {
            PixelRegion region = new PixelRegion(10 * i, 0, 10, 10);
            job.plans.add(job.task(i, tiles + 1, 1, TaskKind.RENDER, region, List.of(), List.of()));
            tileIds.add(job.taskId(i));
            inputs.add(new TaskInput(OutputNames.tile(job.outputDir, 1, region).toString(), 1, region, null));
        }
        TaskPlanned assembly = job.task(tiles, tiles + 1, 1, TaskKind.ASSEMBLE, null, inputs, tileIds);
        job.plans.add(assembly);
        return job;
    }

    /** {@code frames} whole-frame tasks without task dependencies. */
    static DagJob frames(int frames) {
        DagJob job = new DagJob(Strategy.FRAMES, frames);
        for (int i = 0; i < frames; i++) {
            job.plans.add(job.task(i, frames, i + 1, TaskKind.RENDER, null, List.of(), List.of()));
        }
        return job;
    }

    private TaskPlanned task(int index, int count, int frame, TaskKind kind, PixelRegion region,
                             List<TaskInput> inputs, List<String> dependsOn) {
        return new TaskPlanned(taskId(index), jobId, index, count, frame, frame, CPU, 50, "{}", outputDir.toString(),
                kind, region, List.of(), inputs, dependsOn, index, false);
    }

    String taskId(int index) {
        return String.format("%s-t%05d", jobId, index);
    }

    /** The assembly task of a tiles job (the last one). */
    int last() {
        return plans.size() - 1;
    }

    /** Submits the job with this error limit and blocklist threshold (null: none, as before they existed). */
    DagJob limits(Integer errorLimit, Integer blocklistThreshold) {
        this.errorLimit = errorLimit;
        this.blocklistThreshold = blocklistThreshold;
        return this;
    }

    void submit(String... dependsOn) {
        TileGrid grid = strategy == Strategy.TILES ? new TileGrid(plans.size() - 1, 1, null, null) : null;
        KafkaTestClient.produce(Topics.JOBS, jobId, "job:" + jobId + ":submitted",
                new JobSubmitted(jobId, jobId, "dag", "studio-a", "{}", 1, frames, 1, outputDir.toString(), 50, CPU,
                        Instant.now(), strategy, grid, List.of(), null, List.of(dependsOn), false, errorLimit,
                        blocklistThreshold));
    }

    void plan(int index) {
        KafkaTestClient.produce(Topics.TASKS_PLANNED, jobId, "task:" + taskId(index) + ":planned", plans.get(index));
    }

    void planAll() {
        for (int i = 0; i < plans.size(); i++) {
            plan(i);
        }
    }

    void started(int index, int attempt) {
        started(index, attempt, "worker-dag");
    }

    void started(int index, int attempt, String worker) {
        KafkaTestClient.produce(Topics.TASK_EVENTS, jobId, "task:" + taskId(index) + ":" + attempt + ":started",
                new TaskStarted(taskId(index), jobId, attempt, worker, Instant.now()));
    }

    /** Stages the task's output (a tile, or the frame) and reports the attempt completed. */
    void completed(int index, int attempt) {
        TaskPlanned plan = plans.get(index);
        Path finalPath = plan.region() != null
                ? OutputNames.tile(outputDir, plan.frameStart(), plan.region())
                : OutputNames.frame(outputDir, plan.frameStart());
        Path staged = OutputNames.staged(outputDir, plan.taskId(), attempt, "worker-1", finalPath);
        try {
            Files.createDirectories(staged.getParent());
            Files.writeString(staged, plan.taskId(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaTestClient.produce(Topics.TASK_EVENTS, jobId, "task:" + taskId(index) + ":" + attempt + ":completed",
                new TaskCompleted(taskId(index), jobId, attempt, "worker-dag",
                        List.of(new TaskOutput(plan.frameStart(), staged.toString(), finalPath.toString())), 5,
                        Instant.now()));
    }

    void succeed(int index) {
        started(index, 1);
        completed(index, 1);
    }

    void failed(int index, int attempt, String reason, boolean retryable) {
        failed(index, attempt, "worker-dag", reason, retryable);
    }

    /** {@code worker} gives the attempt back unfinished because it is leaving (a drain past its grace period). */
    void handedBack(int index, int attempt, String worker, String reason) {
        KafkaTestClient.produce(Topics.TASK_EVENTS, jobId, "task:" + taskId(index) + ":" + attempt + ":failed",
                new TaskFailed(taskId(index), jobId, attempt, worker, reason, true, Instant.now(), true));
    }

    void failed(int index, int attempt, String worker, String reason, boolean retryable) {
        KafkaTestClient.produce(Topics.TASK_EVENTS, jobId, "task:" + taskId(index) + ":" + attempt + ":failed",
                new TaskFailed(taskId(index), jobId, attempt, worker, reason, retryable, Instant.now()));
    }
}
