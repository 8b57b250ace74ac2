package io.tessera.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.AutoChunk;
import io.tessera.contracts.jobs.FrameRange;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobResumed;
import io.tessera.contracts.jobs.JobBlocklistCleared;
import io.tessera.contracts.jobs.JobRetryRequested;
import io.tessera.contracts.jobs.JobSuspended;
import io.tessera.contracts.jobs.JobWorkerBlocklisted;
import io.tessera.contracts.jobs.JobRequest;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.jobs.TileGrid;
import io.tessera.contracts.status.FarmStatus;
import io.tessera.contracts.status.JobProgress;
import io.tessera.contracts.status.PartProgress;
import io.tessera.contracts.status.Progress;
import io.tessera.contracts.status.TaskStatusChanged;
import io.tessera.contracts.status.WorkerScaled;
import io.tessera.contracts.coordination.HandOffRequested;
import io.tessera.contracts.coordination.LeaseRevoked;
import io.tessera.contracts.coordination.PeerStatus;
import io.tessera.contracts.tasks.OutputNames;
import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.contracts.tasks.TaskFailed;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.contracts.tasks.TaskKind;
import io.tessera.contracts.tasks.TaskOutput;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.tasks.TaskProgress;
import io.tessera.contracts.tasks.TaskReady;
import io.tessera.contracts.tasks.TaskStarted;
import io.tessera.contracts.tasks.TasksWithdrawn;
import io.tessera.contracts.workers.GpuInfo;
import io.tessera.contracts.workers.Lease;
import io.tessera.contracts.workers.WorkerHeartbeat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic instances of every record the JSON Schemas describe: a tiled still (frame 24 at 1920x1080 in a 2x2 grid,
 * four tile tasks and one assembly task), a layered frame (four pass tasks and one composite task), an animation in
 * chunks, and the walking skeleton's shapes built with the compatibility constructors.
 */
final class ContractSamples {

    static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    static final String SCENE = "{\"width\":1920,\"height\":1080}";
    static final Requirements GPU = new Requirements(Capability.GPU, 4, 2048);
    static final Requirements CPU = new Requirements(Capability.CPU, null, null);
    static final List<String> PASSES = List.of("diffuse", "specular", "shadows", "reflections");

    /** The tiled still: job-2, frame 24, tiles t00000..t00003, assembly t00004. */
    static final Path TILED_OUT = Path.of("/farm/out/job-2");
    /** The layered frame: job-3, frame 24, passes t00000..t00003, composite t00004. */
    static final Path LAYERED_OUT = Path.of("/farm/out/job-3");

    private ContractSamples() {
    }

    /** One sample per schema, keyed by the schema's name; the new fields are all set. */
    static Map<String, Object> samples() {
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put("JobSubmitted", tiledJob());
        samples.put("JobCancelled", new JobCancelled("job-1", "studio asked", AT));
        samples.put("JobSuspended", new JobSuspended("job-1", 1, "suspended by user", AT));
        samples.put("JobResumed", new JobResumed("job-1", 2, AT));
        samples.put("JobRetryRequested", new JobRetryRequested("job-1", 3, AT));
        samples.put("JobWorkerBlocklisted", new JobWorkerBlocklisted("job-1", "cpu-1", 3, "exit code 3: out of memory",
                AT));
        samples.put("JobBlocklistCleared", new JobBlocklistCleared("job-1", "cpu-1", 1, AT));
        samples.put("TaskPlanned", tile(3));
        samples.put("TaskReady", new TaskReady(composite(), 1, AT));
        samples.put("TasksWithdrawn", new TasksWithdrawn("job-1", "task job-1-t00003 failed after 3 attempts", AT));
        samples.put("TaskDispatched", new TaskDispatched(assembly(), 2, AT, "gpu-1"));
        samples.put("TaskStarted", new TaskStarted("job-2-t00003", "job-2", 1, "gpu-1", AT));
        samples.put("TaskProgress", new TaskProgress("job-1-t00000", "job-1", 1, "cpu-1", 2, 4, AT));
        samples.put("TaskCompleted", new TaskCompleted("job-2-t00003", "job-2", 1, "gpu-1",
                List.of(new TaskOutput(24, OutputNames.staged(TILED_OUT, "job-2-t00003", 1, "gpu-1", tilePath(3)).toString(),
                        tilePath(3).toString())), 1234, AT));
        samples.put("TaskFailed", new TaskFailed("job-1-t00000", "job-1", 1, "cpu-1", "renderer crashed", true, AT));
        samples.put("WorkerHeartbeat", new WorkerHeartbeat("gpu-1", Capability.GPU, 2, 1, 8, 16384,
                List.of(new GpuInfo("Simulated RTX", 8192)), "simulated",
                List.of(new Lease("job-2-t00003", "job-2", 1)), "render-07", 4242, "RUNNING", AT, 3.75,
                List.of(0, 5, 11)));
        samples.put("PeerStatus", new PeerStatus("cpu-2", Capability.CPU, 2, 0, 1, List.of(3, 7), "RUNNING", AT));
        samples.put("HandOffRequested", new HandOffRequested("cpu-2", "cpu-3", Capability.CPU, 2, AT));
        samples.put("LeaseRevoked", new LeaseRevoked("cpu-1", "job-1-t00000", "job-1", 1,
                "attempt 1 superseded by attempt 2", AT));
        samples.put("JobProgress", new JobProgress("job-2", JobState.RUNNING,
                new Progress(5, Map.of("SUCCEEDED", 3, "RUNNING", 1, "WAITING", 1), 0, 1,
                        Map.of("tile", new PartProgress(3, 4), "assembly", new PartProgress(0, 1))), null, 7, AT, 2));
        samples.put("TaskStatusChanged", new TaskStatusChanged("job-1-t00000", "job-1", 0, 1, 4, TaskState.QUEUED, 1,
                null, null, 3, AT));
        samples.put("FarmStatus", new FarmStatus(Capability.CPU, 5, 2, 1, 4, 2, AT));
        samples.put("WorkerScaled", new WorkerScaled(Capability.CPU, "STARTED", "cpu-auto-1", "backlog", AT));
        samples.put("JobRequest", new JobRequest("req-2", "still 24", "acme", scene(), new FrameRange(24, 24), null,
                "still24", 60, GPU, "tiles", new TileGrid(2, 2, null, null), null, null, List.of("job-1"), true, 10, 2));
        return samples;
    }

    /** Further valid instances, as (schema name, record): other strategies and the compatibility shapes. */
    static List<Map.Entry<String, Object>> variants() {
        return List.of(
                Map.entry("JobRequest", new JobRequest("req-3", "frame 24 layers", "acme", scene(),
                        new FrameRange(24, 24), null, null, 50, CPU, "layers", null, PASSES, null, List.of(), false)),
                Map.entry("JobRequest", new JobRequest("req-4", "tiles by size", "acme", scene(),
                        new FrameRange(1, 2), null, null, null, CPU, "tiles", new TileGrid(null, null, 256, 256),
                        null, null, null, null)),
                Map.entry("JobRequest", new JobRequest("req-5", "shot 10 auto", "acme", scene(),
                        new FrameRange(1, 240), 2, null, 40, CPU, "frames", null, null, new AutoChunk(120), null,
                        null)),
                Map.entry("JobRequest", new JobRequest("req-1", "shot 10", "acme", scene(), new FrameRange(1, 12), 4,
                        "shot10", 60, GPU)),
                Map.entry("JobSubmitted", layeredJob()),
                Map.entry("JobSubmitted", new JobSubmitted("job-4", "req-4", "tiles by size", "acme", SCENE, 1, 2, 1,
                        "/farm/out/job-4", 50, CPU, AT, Strategy.TILES, new TileGrid(null, null, 256, 256), List.of(),
                        null, List.of(), false)),
                Map.entry("JobSubmitted", new JobSubmitted("job-5", "req-5", "shot 10 auto", "acme", SCENE, 1, 240, 2,
                        "/farm/out/job-5", 40, CPU, AT, Strategy.FRAMES, null, null, new AutoChunk(120), null,
                        false)),
                Map.entry("JobSubmitted", new JobSubmitted("job-1", "req-1", "shot 10", "acme", SCENE, 1, 12, 4,
                        "/farm/out/job-1", 50, CPU, AT)),
                Map.entry("TaskPlanned", pass(1)),
                Map.entry("TaskPlanned", assembly()),
                Map.entry("TaskPlanned", composite()),
                Map.entry("TaskPlanned", chunk()),
                Map.entry("TaskPlanned", autoProbe()),
                Map.entry("TaskReady", new TaskReady(tile(0), 3, AT)),
                Map.entry("TaskDispatched", new TaskDispatched(chunk(), 1, AT)),
                Map.entry("WorkerHeartbeat", new WorkerHeartbeat("cpu-1", Capability.CPU, 4, 4, 8, 16384, List.of(),
                        "none", List.of(), "render-01", 77, "RUNNING", AT)),
                Map.entry("JobProgress", new JobProgress("job-1", JobState.RUNNING,
                        new Progress(3, Map.of("SUCCEEDED", 1, "RUNNING", 2), 4, 12), null, 7, AT)),
                Map.entry("JobProgress", new JobProgress("job-1", JobState.SUSPENDED,
                        new Progress(3, Map.of("SUCCEEDED", 1, "QUEUED", 2), 4, 12), null, 8, AT, 1)),
                Map.entry("JobSuspended", new JobSuspended("job-1", 3, null, AT)),
                Map.entry("JobBlocklistCleared", new JobBlocklistCleared("job-1", null, 2, AT)));
    }

    /** One task of every part: chunk, tile, pass, assembly, composite. */
    static List<TaskPlanned> taskOfEveryPart() {
        return List.of(chunk(), tile(0), pass(0), assembly(), composite());
    }

    static JobSubmitted tiledJob() {
        return new JobSubmitted("job-2", "req-2", "still 24", "acme", SCENE, 24, 24, 1, TILED_OUT.toString(), 60, GPU,
                AT, Strategy.TILES, new TileGrid(2, 2, null, null), List.of(), null, List.of("job-1"), true, 10, 2);
    }

    static JobSubmitted layeredJob() {
        return new JobSubmitted("job-3", "req-3", "frame 24 layers", "acme", SCENE, 24, 24, 1,
                LAYERED_OUT.toString(), 50, CPU, AT, Strategy.LAYERS, null, PASSES, null, List.of(), false);
    }

    /** Tile {@code i} (row-major) of the 2x2 grid of the tiled still. */
    static TaskPlanned tile(int i) {
        return new TaskPlanned(taskId("job-2", i), "job-2", i, 5, 24, 24, GPU, 60, SCENE, TILED_OUT.toString(),
                TaskKind.RENDER, region(i), List.of(), List.of(), List.of(), 0, true);
    }

    /** The assembly of the tiled still: reads the four tiles, depends on their tasks. */
    static TaskPlanned assembly() {
        List<TaskInput> inputs = List.of(0, 1, 2, 3).stream()
                .map(i -> new TaskInput(tilePath(i).toString(), 24, region(i), null)).toList();
        return new TaskPlanned(taskId("job-2", 4), "job-2", 4, 5, 24, 24, GPU, 60, SCENE, TILED_OUT.toString(),
                TaskKind.ASSEMBLE, null, List.of(), inputs,
                List.of(taskId("job-2", 0), taskId("job-2", 1), taskId("job-2", 2), taskId("job-2", 3)), 0, true);
    }

    /** Pass task {@code i} of the layered frame: writes one pass as .pfm and .png. */
    static TaskPlanned pass(int i) {
        return new TaskPlanned(taskId("job-3", i), "job-3", i, 5, 24, 24, CPU, 50, SCENE, LAYERED_OUT.toString(),
                TaskKind.RENDER, null, List.of(PASSES.get(i)), List.of(), List.of(), 0, false);
    }

    /** The composite of the layered frame: reads the passes' .pfm files, depends on their tasks. */
    static TaskPlanned composite() {
        List<TaskInput> inputs = PASSES.stream()
                .map(p -> new TaskInput(OutputNames.pass(LAYERED_OUT, 24, p, "pfm").toString(), 24, null, p))
                .toList();
        return new TaskPlanned(taskId("job-3", 4), "job-3", 4, 5, 24, 24, CPU, 50, SCENE, LAYERED_OUT.toString(),
                TaskKind.COMPOSITE, null, List.of(), inputs,
                List.of(taskId("job-3", 0), taskId("job-3", 1), taskId("job-3", 2), taskId("job-3", 3)), 0, false);
    }

    /** The last chunk (frames 9-12) of a 12-frame animation in chunks of 4: the second key-frame task. */
    static TaskPlanned chunk() {
        return new TaskPlanned(taskId("job-1", 2), "job-1", 2, 3, 9, 12, CPU, 50, SCENE, "/farm/out/job-1",
                TaskKind.RENDER, null, List.of(), List.of(), List.of(), 1, false);
    }

    /** The probe of an autoChunk job (frames 1-240): one frame, more tasks to come once its time is measured. */
    static TaskPlanned autoProbe() {
        return new TaskPlanned(taskId("job-5", 0), "job-5", 0, 1, 1, 1, CPU, 40, SCENE, "/farm/out/job-5",
                TaskKind.RENDER, null, List.of(), List.of(), List.of(), 0, false, true);
    }

    private static PixelRegion region(int i) {
        return new PixelRegion(i % 2 * 960, i / 2 * 540, 960, 540);
    }

    private static Path tilePath(int i) {
        return OutputNames.tile(TILED_OUT, 24, region(i));
    }

    private static String taskId(String jobId, int index) {
        return String.format("%s-t%05d", jobId, index);
    }

    private static JsonNode scene() {
        return Json.MAPPER.createObjectNode().put("width", 1920).put("height", 1080);
    }
}
