package io.tessera.monitoring.component;

import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskOutput;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.tasks.TaskProgress;
import io.tessera.contracts.tasks.TaskStarted;
import io.tessera.contracts.workers.Lease;
import io.tessera.contracts.workers.WorkerHeartbeat;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A test job of one frame per task, and the events the other services would send about it. */
final class Events {

    final String jobId = "job-" + UUID.randomUUID().toString().substring(0, 8);
    final int tasks;
    final Path outputDir = RealInfrastructure.outputRoot().resolve(jobId);

    Events(int tasks) {
        this.tasks = tasks;
    }

    String taskId(int index) {
        return String.format("%s-t%05d", jobId, index);
    }

    void submitAndPlan() {
        KafkaTestClient.produce(Topics.JOBS, jobId, "job:" + jobId + ":submitted",
                new JobSubmitted(jobId, jobId, "test", "studio-a", "{}", 1, tasks, 1, outputDir.toString(), 50,
                        new Requirements(Capability.CPU, null, null), Instant.now()));
        for (int i = 0; i < tasks; i++) {
            plan(i);
        }
    }

    void plan(int index) {
        KafkaTestClient.produce(Topics.TASKS_PLANNED, jobId, "task:" + taskId(index) + ":planned", planned(index));
    }

    TaskPlanned planned(int index) {
        return new TaskPlanned(taskId(index), jobId, index, tasks, index + 1, index + 1,
                new Requirements(Capability.CPU, null, null), 50, "{}", outputDir.toString());
    }

    void started(int index, int attempt, String worker) {
        KafkaTestClient.produce(Topics.TASK_EVENTS, jobId, "task:" + taskId(index) + ":" + attempt + ":started",
                new TaskStarted(taskId(index), jobId, attempt, worker, Instant.now()));
    }

    void progress(int index, int attempt, String worker, int framesDone) {
        KafkaTestClient.produce(Topics.TASK_EVENTS, jobId,
                "task:" + taskId(index) + ":" + attempt + ":progress:" + framesDone,
                new TaskProgress(taskId(index), jobId, attempt, worker, framesDone, 1, Instant.now()));
    }

    /** Stages a PNG-named file for the attempt and reports it completed. */
    Path completed(int index, int attempt, String worker, byte[] image) {
        Path staged = stagedPath(index, attempt);
        try {
            Files.createDirectories(staged.getParent());
            Files.write(staged, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaTestClient.produce(Topics.TASK_EVENTS, jobId, "task:" + taskId(index) + ":" + attempt + ":completed",
                new TaskCompleted(taskId(index), jobId, attempt, worker,
                        List.of(new TaskOutput(index + 1, staged.toString(), finalPath(index).toString())), 42,
                        Instant.now()));
        return staged;
    }

    /** A heartbeat of {@code worker} that says it holds a lease on {@code attempt} of the task. */
    void heartbeat(String worker, int index, int attempt) {
        KafkaTestClient.produce(Topics.WORKERS, worker, "heartbeat:" + UUID.randomUUID(),
                new WorkerHeartbeat(worker, Capability.CPU, 1, 0, 2, 4_000, List.of(), "none",
                        List.of(new Lease(taskId(index), jobId, attempt)), "test-host", 1, "RUNNING", Instant.now()));
    }

    void failed(int index, int attempt, String worker, String reason, boolean retryable) {
        KafkaTestClient.produce(Topics.TASK_EVENTS, jobId, "task:" + taskId(index) + ":" + attempt + ":failed",
                new TaskFailed(taskId(index), jobId, attempt, worker, reason, retryable, Instant.now()));
    }

    Path stagedPath(int index, int attempt) {
        return outputDir.resolve(".staging").resolve(taskId(index)).resolve("attempt-" + attempt)
                .resolve(String.format("frame_%04d.png", index + 1));
    }

    Path finalPath(int index) {
        return outputDir.resolve(String.format("frame_%04d.png", index + 1));
    }
}
