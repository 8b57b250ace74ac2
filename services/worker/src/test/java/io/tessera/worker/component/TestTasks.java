package io.tessera.worker.component;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.renderer.scene.BundledScenes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds and produces dispatched tasks of the demo scene for the GPU worker under test. */
final class TestTasks {

    private TestTasks() {
    }

    /** The demo scene at the given size. */
    static String demoScene(int width, int height) {
        try {
            ObjectNode scene = (ObjectNode) Json.MAPPER.readTree(BundledScenes.demo());
            scene.put("width", width);
            scene.put("height", height);
            return Json.MAPPER.writeValueAsString(scene);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh job id. */
    static String newJobId() {
        return "job-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Task 0 of a job: frames {@code start..end} of {@code scene}, output under the test output root. */
    static TaskDispatched task(String jobId, int index, int start, int end, String scene, int attempt) {
        String taskId = String.format("%s-t%05d", jobId, index);
        String outputDir = RealInfrastructure.outputRoot().resolve(jobId).toString();
        TaskPlanned planned = new TaskPlanned(taskId, jobId, index, index + 1, start, end,
                new Requirements(Capability.GPU, null, null), 50, scene, outputDir);
        return new TaskDispatched(planned, attempt, Instant.now());
    }

    /** Task {@code index} of a job: one {@code frame} of {@code scene} of the given kind, region, passes and inputs. */
    static TaskDispatched task(String jobId, int index, int frame, String scene, TaskKind kind, PixelRegion region,
                               List<String> passes, List<TaskInput> inputs) {
        String taskId = String.format("%s-t%05d", jobId, index);
        TaskPlanned planned = new TaskPlanned(taskId, jobId, index, index + 1, frame, frame,
                new Requirements(Capability.GPU, null, null), 50, scene, outputDir(jobId).toString(), kind, region,
                passes, inputs, List.of(), index, false);
        return new TaskDispatched(planned, 1, Instant.now());
    }

    /** The output directory of a job under the test output root. */
    static Path outputDir(String jobId) {
        return RealInfrastructure.outputRoot().resolve(jobId);
    }

    /** Task {@code index} of a CPU job: frames {@code start..end} of {@code scene}, attempt 1. */
    static TaskDispatched cpuTask(String jobId, int index, int start, int end, String scene) {
        String taskId = String.format("%s-t%05d", jobId, index);
        TaskPlanned planned = new TaskPlanned(taskId, jobId, index, index + 1, start, end,
                new Requirements(Capability.CPU, null, null), 50, scene, outputDir(jobId).toString());
        return new TaskDispatched(planned, 1, Instant.now());
    }

    /**
     * The demo scene at {@code width}×{@code height} with {@code samples} antialiasing and ambient-occlusion
     * samples per pixel: a real, honest way to make a render slow (the renderer checks for an interrupt before
     * every row).
     */
    static String heavyDemoScene(int width, int height, int samples) {
        try {
            ObjectNode scene = (ObjectNode) Json.MAPPER.readTree(demoScene(width, height));
            scene.put("samples", samples);
            ((ObjectNode) scene.get("ambientOcclusion")).put("samples", samples);
            return Json.MAPPER.writeValueAsString(scene);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Produces the dispatch to the CPU task topic with key {@code key}. */
    static void dispatchCpu(TaskDispatched dispatched, String key) {
        KafkaTestClient.produce(Topics.TASKS_CPU, key,
                "task:" + dispatched.task().taskId() + ":" + dispatched.attempt() + ":dispatched", dispatched);
    }

    /** Produces the dispatch to the GPU task topic with key {@code key}. */
    static void dispatch(TaskDispatched dispatched, String key) {
        KafkaTestClient.produce(Topics.TASKS_GPU, key,
                "task:" + dispatched.task().taskId() + ":" + dispatched.attempt() + ":dispatched", dispatched);
    }
}
