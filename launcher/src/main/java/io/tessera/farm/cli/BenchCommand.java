package io.tessera.farm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.DistributionMode;
import io.tessera.contracts.Topics;
import io.tessera.farm.Farm;
import io.tessera.farm.FarmOptions;
import io.tessera.farm.bench.BenchReport;
import io.tessera.farm.bench.ConsumerLag;
import io.tessera.farm.bench.CpuUsage;
import io.tessera.farm.bench.HopTimes;
import io.tessera.farm.bench.KafkaCeiling;
import io.tessera.farm.bench.NaiveBaseline;
import io.tessera.farm.bench.TaskEventLog;
import io.tessera.farm.bench.TaskRun;
import io.tessera.farm.bench.Utilisation;
import io.tessera.farm.process.ServiceProcess;
import io.tessera.renderer.scene.BundledScenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code ./farm bench}: runs the real broker, database and services with simulated workers
 * ({@code tessera.worker.engine=simulated}) and measures, in one run: the raw Kafka ceiling; end-to-end throughput
 * with zero-length tasks; submit→first-task-running latency on an idle farm; utilisation and makespan / lower bound
 * on a mixed heavy-tailed workload with heterogeneous workers; peak memory of each service: for each distribution
 * mode ({@code --modes}, default all three) on a fresh farm, and for the naive baseline (a plain consumer group on a
 * topic). Prints a table and writes
 * {@code bench-results/bench-<date>.json} and {@code .html}. Not part of the test suite.
 */
final class BenchCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The simulated workers: id → speed factor; each has {@link #SLOTS} slots. */
    private static final Map<String, Double> SPEEDS = new LinkedHashMap<>();
    private static final int SLOTS = 2;
    private static final double MIXED_ALPHA = 1.5;

    static {
        SPEEDS.put("sim-1", 1.0);
        SPEEDS.put("sim-2", 1.0);
        SPEEDS.put("sim-3", 2.0);
        SPEEDS.put("sim-4", 0.5);
    }

    private final Path repoRoot;
    /** Where the bench keeps each mode's farm (broker, database, logs) and its timelines: {@code .farm-bench/}. */
    private final Path state;
    private final int zeroTasks;
    private final int mixedTasks;
    private final int latencySamples;
    private final int warmUpTasks;
    /**
     * The mixed workload's mean task time ({@code --mixed-mean-ms}, default 1 s). It keeps the farm's own work below
     * what the machine can do: 9 slot-equivalents of 200 ms tasks ask for about 45 tasks a second, more than this
     * 2-core machine's whole farm pipeline gets through (the zero-length phase measures that ceiling), and then the
     * mixed workload measured that ceiling a second time instead of how the modes spread work.
     */
    private final Duration mixedMean;
    /**
     * Whether the farm's JVMs keep the JVM's default compilers instead of the embedded farm's client compiler only
     * ({@link FarmOptions#CLIENT_COMPILER}), to compare the two.
     */
    private final boolean serverCompiler;
    /** Whether the naive baseline is left out ({@code --no-baseline}), for a quicker look at the modes alone. */
    private final boolean noBaseline;
    private final List<DistributionMode> modes;

    BenchCommand(Path repoRoot, List<String> args) {
        this.repoRoot = repoRoot;
        this.state = repoRoot.resolve(".farm-bench");
        this.zeroTasks = intOption(args, "--tasks", 20_000);
        this.mixedTasks = intOption(args, "--mixed-tasks", 600);
        this.latencySamples = intOption(args, "--latency-samples", 30);
        this.warmUpTasks = intOption(args, "--warm-up-tasks", 500);
        this.mixedMean = Duration.ofMillis(intOption(args, "--mixed-mean-ms", 1_000));
        this.serverCompiler = args.contains("--server-compiler");
        this.noBaseline = args.contains("--no-baseline");
        this.modes = modesOption(args);
    }

    int run() throws Exception {
        FarmSession.deleteRecursively(state);
        System.out.printf("Benchmark: modes %s; %d zero-length tasks, %d mixed tasks (Pareto alpha %.1f, mean %d ms), %d"
                        + " latency samples, %d warm-up tasks; workers %s with %d slots each; %s%n", modes, zeroTasks,
                mixedTasks, MIXED_ALPHA, mixedMean.toMillis(), latencySamples, warmUpTasks, SPEEDS, SLOTS,
                serverCompiler ? "default JIT compilers (--server-compiler)" : "client compiler only");
        ObjectNode results = JSON.createObjectNode();
        results.put("date", LocalDate.now().toString());
        results.put("machine", machine());
        results.put("command", "./farm bench --tasks " + zeroTasks + " --mixed-tasks " + mixedTasks
                + " --mixed-mean-ms " + mixedMean.toMillis() + " --latency-samples " + latencySamples
                + " --warm-up-tasks " + warmUpTasks + (serverCompiler ? " --server-compiler" : "")
                + (noBaseline ? " --no-baseline" : "") + " --modes "
                + String.join(",", modes.stream().map(DistributionMode::id).toList()));
        ObjectNode byMode = results.putObject("modes");
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (DistributionMode mode : modes) {
            FarmOptions options = new FarmOptions(repoRoot, state.resolve(mode.id()), state.resolve("out"), 0, 0, 0,
                    Duration.ofSeconds(15), Duration.ofSeconds(120), Map.of(
                    "provisioning", Map.of("tessera.provisioning.cpu.max", "0", "tessera.provisioning.gpu.max", "0"),
                    "submission", Map.of("tessera.submission.max-tasks", "100000",
                            "tessera.submission.max-frames", "100000")), List.of(),
                    serverCompiler ? List.of() : FarmOptions.CLIENT_COMPILER)
                    .withDistributionMode(mode);
            long started = System.nanoTime();
            try (Farm farm = Farm.start(options)) {
                System.out.printf("[%s] farm ready in %.1f s (broker, database, 5 services)%n", mode.id(),
                        (System.nanoTime() - started) / 1e9);
                boolean first = byMode.isEmpty();
                byMode.set(mode.id(), measure(farm, mode, series, first ? results : null));
            }
        }
        Path dir = repoRoot.resolve("bench-results");
        String name = "bench-" + LocalDate.now();
        BenchReport.writeJson(results, dir.resolve(name + ".json"));
        BenchReport.writeHtml("Tessera farm benchmark " + LocalDate.now(),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results), series, dir.resolve(name + ".html"));
        System.out.println("Results: " + dir.resolve(name + ".json") + " and " + dir.resolve(name + ".html"));
        return 0;
    }

    /**
     * Everything measured in one mode's farm; on the first farm ({@code shared} not null) also the Kafka ceiling and
     * the naive baseline, which do not depend on the mode.
     */
    private ObjectNode measure(Farm farm, DistributionMode mode, Map<String, List<double[]>> series, ObjectNode shared)
            throws Exception {
        ObjectNode node = JSON.createObjectNode();
        JobsApi api = new JobsApi(farm.submissionUrl());
        try (TaskEventLog events = new TaskEventLog(farm.bootstrapServers())) {
            if (shared != null) {
                KafkaCeiling.Result ceiling = KafkaCeiling.measure(farm.bootstrapServers(), zeroTasks, 1_000);
                System.out.printf("Kafka ceiling: %.0f records/s produced, %.0f records/s consumed (%d x %d bytes)%n",
                        ceiling.producedPerSecond(), ceiling.consumedPerSecond(), ceiling.records(), ceiling.bytes());
                shared.set("kafkaCeiling", JSON.valueToTree(ceiling));
            }
            startWorkers(farm, Duration.ZERO, 0);
            node.set("coldStart", coldStart(api, events, mode, farm.bootstrapServers()));
            warmUp(api, "warm-up", warmUpTasks, mode, farm.bootstrapServers());
            node.set("latency", latency(api, events, mode, farm.bootstrapServers()));
            Map<String, Double> cpuBefore = cpu(farm);
            ObjectNode zeroLength = throughput(api, events, mode);
            zeroLength.set("cpuMillisPerTask", cpuPerTask(CpuUsage.between(cpuBefore, cpu(farm))));
            node.set("zeroLength", zeroLength);
            stopWorkers(farm);

            startWorkers(farm, mixedMean, MIXED_ALPHA);
            // the new workers' JVMs warm up and learn their mean task time (hybrid's local queues depend on it)
            warmUp(api, "mixed warm-up", Math.max(1, Math.min(warmUpTasks, mixedTasks / 6)), mode,
                    farm.bootstrapServers());
            Map<String, Double> referenceMillis = new LinkedHashMap<>();
            node.set("mixed", mixedWorkload(api, events, mode, series, referenceMillis));
            stopWorkers(farm);
            node.set("peakMemoryMb", peakMemory(farm));
            if (shared != null && !noBaseline) {
                shared.set("naiveBaseline", baseline(farm.bootstrapServers(), referenceMillis, series));
            }
        }
        return node;
    }

    /**
     * Submit→first-task-running on an idle farm, one one-task job at a time, with the time each service's hop took
     * (to the first record it wrote for the job), so a slow sample shows where it waited.
     */
    private ObjectNode latency(JobsApi api, TaskEventLog events, DistributionMode mode, String bootstrapServers)
            throws Exception {
        List<Double> samples = new ArrayList<>();
        Map<String, List<Double>> hops = new LinkedHashMap<>();
        ArrayNode perSample = JSON.createArrayNode();
        try (HopTimes hopTimes = new HopTimes(bootstrapServers)) {
            for (int i = 0; i < latencySamples; i++) {
                ObjectNode sample = oneJobLatency(api, events, hopTimes, "latency-" + i);
                perSample.add(sample);
                samples.add(sample.path("ms").asDouble());
                sample.path("hopsMs").fields().forEachRemaining(hop -> hops
                        .computeIfAbsent(hop.getKey(), h -> new ArrayList<>()).add(hop.getValue().asDouble()));
            }
        }
        samples.sort(Comparator.naturalOrder());
        ObjectNode node = JSON.createObjectNode();
        node.put("samples", samples.size());
        node.put("p50Ms", percentile(samples, 0.50));
        node.put("p99Ms", percentile(samples, 0.99));
        node.put("maxMs", samples.get(samples.size() - 1));
        ObjectNode byHop = node.putObject("hopsMs");
        StringBuilder line = new StringBuilder();
        hops.forEach((hop, ms) -> {
            ms.sort(Comparator.naturalOrder());
            byHop.putObject(hop).put("p50", percentile(ms, 0.50)).put("p99", percentile(ms, 0.99));
            line.append(String.format(Locale.ROOT, " %s %.0f/%.0f", hop, percentile(ms, 0.50), percentile(ms, 0.99)));
        });
        node.set("perSample", perSample);
        System.out.printf("[%s] submit -> first task running (idle farm, %d jobs): p50 %.0f ms, p99 %.0f ms; by hop"
                + " (p50/p99 ms):%s%n", mode.id(), samples.size(), percentile(samples, 0.50),
                percentile(samples, 0.99), line);
        return node;
    }

    /**
     * The first job on the fresh farm: every JVM still interprets and compiles the code it runs, so this one job's
     * latency is reported apart from the idle farm's.
     */
    private ObjectNode coldStart(JobsApi api, TaskEventLog events, DistributionMode mode, String bootstrapServers)
            throws Exception {
        try (HopTimes hopTimes = new HopTimes(bootstrapServers)) {
            ObjectNode sample = oneJobLatency(api, events, hopTimes, "cold-start");
            System.out.printf("[%s] first job on the fresh farm: submit -> first task running %d ms, by hop (ms): %s%n",
                    mode.id(), sample.path("ms").asLong(), sample.path("hopsMs"));
            return sample;
        }
    }

    /** Submits a one-task job, waits until it completed; its submit→first-task-running time and each hop's. */
    private ObjectNode oneJobLatency(JobsApi api, TaskEventLog events, HopTimes hopTimes, String name)
            throws Exception {
        Instant submitted = Instant.now();
        String jobId = api.submit(job(name, 1)).path("jobId").asText();
        Instant first = awaitFirstStart(events, jobId, Duration.ofSeconds(30));
        awaitState(api, jobId, "COMPLETED", Duration.ofSeconds(60));
        ObjectNode sample = JSON.createObjectNode().put("ms", Duration.between(submitted, first).toMillis());
        sample.set("hopsMs", JSON.valueToTree(hopTimes.of(jobId, submitted)));
        return sample;
    }

    /**
     * Runs a job of {@code tasks} tasks on the workers just started, unmeasured: a farm's JVMs run for days,
     * so the CPU the just-started ones spend compiling their code is not a cost of each task.
     */
    private void warmUp(JobsApi api, String name, int tasks, DistributionMode mode, String bootstrapServers)
            throws Exception {
        long started = System.nanoTime();
        String jobId = api.submit(job(name, tasks)).path("jobId").asText();
        awaitState(api, jobId, "COMPLETED", Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - started) / 1e9;
        // the job is COMPLETED before every service has read all its events: measure an idle farm, not that tail
        long lag = ConsumerLag.awaitCaughtUp(bootstrapServers, Duration.ofSeconds(60));
        System.out.printf("[%s] %s: %d tasks in %.1f s, every consumer caught up %.1f s later%s (not measured)%n",
                mode.id(), name, tasks, seconds, (System.nanoTime() - started) / 1e9 - seconds,
                lag == 0 ? "" : " (still " + lag + " records behind after 60 s)");
    }

    private ObjectNode throughput(JobsApi api, TaskEventLog events, DistributionMode mode) throws Exception {
        Instant submitted = Instant.now();
        String jobId = api.submit(job("zero-length", zeroTasks)).path("jobId").asText();
        JsonNode done = awaitState(api, jobId, "COMPLETED", Duration.ofMinutes(60));
        List<TaskRun> runs = awaitRuns(events, jobId, zeroTasks);
        Instant last = runs.stream().map(TaskRun::completed).max(Instant::compareTo).orElse(Instant.now());
        double seconds = Duration.between(submitted, last).toMillis() / 1000.0;
        ObjectNode node = JSON.createObjectNode();
        node.put("tasks", zeroTasks);
        node.put("seconds", seconds);
        node.put("tasksPerSecond", zeroTasks / seconds);
        node.put("attemptsStarted", events.attemptsOf(jobId));
        node.put("jobState", done.path("state").asText());
        System.out.printf("[%s] zero-length tasks end to end: %d tasks in %.1f s = %.0f tasks/s (%d attempts"
                + " started)%n", mode.id(), zeroTasks, seconds, zeroTasks / seconds, events.attemptsOf(jobId));
        return node;
    }

    /** CPU used so far by the farm's processes: services, workers, broker and database. */
    private static Map<String, Double> cpu(Farm farm) {
        Map<Long, String> pids = new LinkedHashMap<>();
        farm.processes().stream().filter(ServiceProcess::isAlive)
                .forEach(p -> pids.put(p.process().pid(), p.name().startsWith("sim-") ? "workers" : p.name()));
        pids.put(farm.infrastructure().kafka().process().pid(), "kafka");
        return CpuUsage.snapshot(pids, farm.infrastructure().postgres().pid());
    }

    private ObjectNode cpuPerTask(Map<String, Double> used) {
        ObjectNode node = JSON.createObjectNode();
        used.forEach((name, millis) -> node.put(name, Math.round(millis / zeroTasks * 100) / 100.0));
        System.out.println("CPU ms per zero-length task: " + node);
        return node;
    }

    private ObjectNode mixedWorkload(JobsApi api, TaskEventLog events, DistributionMode mode,
                                     Map<String, List<double[]>> series, Map<String, Double> referenceMillis)
            throws Exception {
        Instant submitted = Instant.now();
        String jobId = api.submit(job("mixed", mixedTasks)).path("jobId").asText();
        awaitState(api, jobId, "COMPLETED", Duration.ofMinutes(30));
        List<TaskRun> runs = awaitRuns(events, jobId, mixedTasks);
        Map<String, Integer> slots = new LinkedHashMap<>();
        SPEEDS.keySet().forEach(id -> slots.put(id, SLOTS));
        for (TaskRun run : runs) {
            referenceMillis.put(run.taskId(), run.renderMillis() * SPEEDS.getOrDefault(run.workerId(), 1.0));
        }
        Utilisation.Result result = Utilisation.of(runs, submitted, slots, SPEEDS, 1_000);
        series.put(mode.id(), result.overTime());
        writeTimeline(runs, submitted, state.resolve(mode.id()).resolve("mixed-runs.csv"));
        return report(mode.id(), result, runs, submitted, slots);
    }

    /**
     * Every run of the mixed workload, one line each in start order, milliseconds after the submission: where a
     * measured idle slot came from can be read off it.
     */
    private static void writeTimeline(List<TaskRun> runs, Instant submitted, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("task,worker,ready_ms,started_ms,completed_ms\n");
        long from = submitted.toEpochMilli();
        runs.stream().sorted(Comparator.comparing(TaskRun::started)).forEach(run -> csv.append(String.format(
                Locale.ROOT, "%s,%s,%d,%d,%d%n", run.taskId(), run.workerId(),
                run.ready() == null ? -1 : run.ready().toEpochMilli() - from, run.started().toEpochMilli() - from,
                run.completed().toEpochMilli() - from)));
        Files.writeString(file, csv);
    }

    private ObjectNode baseline(String bootstrapServers, Map<String, Double> referenceMillis,
                                Map<String, List<double[]>> series) throws Exception {
        Map<String, Integer> slots = new LinkedHashMap<>();
        Map<String, Double> speeds = new LinkedHashMap<>();
        Map<String, Integer> workerSlots = new LinkedHashMap<>();
        SPEEDS.forEach((id, speed) -> {
            workerSlots.put(id, SLOTS);
            for (int slot = 0; slot < SLOTS; slot++) {
                slots.put(id + "/" + slot, 1);
                speeds.put(id + "/" + slot, speed);
            }
        });
        Instant[] submitted = new Instant[1];
        List<TaskRun> runs = NaiveBaseline.run(bootstrapServers, referenceMillis, workerSlots, SPEEDS,
                partitionsOf(bootstrapServers), submitted);
        Utilisation.Result result = Utilisation.of(runs, submitted[0], slots, speeds, 1_000);
        series.put("naive consumer group", result.overTime());
        return report("Naive consumer group", result, runs, submitted[0], slots);
    }

    private static ObjectNode report(String mode, Utilisation.Result result, List<TaskRun> runs, Instant submitted,
                                     Map<String, Integer> slots) {
        double idle = Utilisation.longestIdleWhileQueued(runs, submitted, slots);
        Utilisation.IdleSlot worst = Utilisation.worstIdleWhileReady(runs, submitted, slots);
        double idleWhileReady = worst.seconds();
        System.out.printf("%s, mixed workload: %d tasks, makespan %.1f s, lower bound %.1f s, makespan/lower bound"
                        + " %.2f, utilisation %.1f%% (%.1f%% until the last task started), longest idle slot while a"
                        + " ready task waited %.2f s (since submission, planning included: %.1f s)%n", mode,
                result.tasks(), result.makespanSeconds(), result.lowerBoundSeconds(), result.makespanOverLowerBound(),
                100 * result.utilisation(), 100 * result.utilisationWhileQueued(), idleWhileReady, idle);
        Instant rampedUp = Utilisation.rampUpEnd(runs, slots);
        Utilisation.IdleSlot afterRampUp = rampedUp == null ? worst
                : Utilisation.worstIdleWhileReady(runs, submitted, rampedUp, slots);
        System.out.printf("%s, mixed workload: that idle slot was %s's, from %.2f s after submission; every slot had"
                        + " been busy by %s, and after that the longest was %.2f s (%s's, from %.2f s)%n", mode,
                worst.workerId(), worst.fromSeconds(), rampedUp == null ? "never (all ramp-up)"
                        : String.format(Locale.ROOT, "%.2f s", Duration.between(submitted, rampedUp).toMillis() / 1000.0),
                afterRampUp.seconds(), afterRampUp.workerId(), afterRampUp.fromSeconds());
        ObjectNode node = JSON.createObjectNode();
        node.put("tasks", result.tasks());
        node.put("makespanSeconds", result.makespanSeconds());
        node.put("lowerBoundSeconds", result.lowerBoundSeconds());
        node.put("makespanOverLowerBound", result.makespanOverLowerBound());
        node.put("utilisation", result.utilisation());
        node.put("utilisationUntilLastStart", result.utilisationWhileQueued());
        node.put("longestIdleSlotWhileQueuedSeconds", idle);
        node.put("longestIdleSlotWhileReadySeconds", idleWhileReady);
        node.putObject("longestIdleSlotWhileReady").put("worker", worst.workerId())
                .put("fromSeconds", worst.fromSeconds()).put("seconds", idleWhileReady);
        if (rampedUp != null) {
            node.put("rampUpSeconds", Duration.between(submitted, rampedUp).toMillis() / 1000.0);
        }
        node.putObject("longestIdleSlotWhileReadyAfterRampUp").put("worker", afterRampUp.workerId())
                .put("fromSeconds", afterRampUp.fromSeconds()).put("seconds", afterRampUp.seconds());
        return node;
    }

    private ObjectNode peakMemory(Farm farm) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        for (ServiceProcess process : farm.processes()) {
            if (!process.isAlive()) {
                continue;
            }
            Path status = Path.of("/proc/" + process.process().pid() + "/status");
            if (Files.exists(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        node.put(process.name(), kb / 1024);
                    }
                }
            }
        }
        System.out.println("Peak resident memory (MB): " + node);
        return node;
    }

    private void startWorkers(Farm farm, Duration mean, double alpha) throws IOException {
        for (Map.Entry<String, Double> worker : SPEEDS.entrySet()) {
            farm.startWorker(worker.getKey(), "cpu", Map.of(
                    "tessera.worker.engine", "simulated",
                    "tessera.worker.simulated.mean", mean.toMillis() + "ms",
                    "tessera.worker.simulated.alpha", Double.toString(alpha),
                    "tessera.worker.simulated.speed-factor", Double.toString(worker.getValue()),
                    "tessera.worker.slots", Integer.toString(SLOTS),
                    "tessera.worker.score", Double.toString(worker.getValue()),
                    "tessera.worker.calibration.enabled", "false"));
        }
        try {
            Thread.sleep(3_000); // two heartbeats: assignment knows every worker before work arrives
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stopWorkers(Farm farm) {
        SPEEDS.keySet().forEach(id -> farm.process(id).stop());
    }

    private static ObjectNode job(String name, int frames) throws IOException {
        ObjectNode job = JSON.createObjectNode();
        job.put("name", "bench " + name);
        job.put("studio", "bench");
        ObjectNode scene = (ObjectNode) JSON.readTree(BundledScenes.demo());
        scene.put("width", 16);
        scene.put("height", 9);
        ((ObjectNode) scene.get("animation")).put("frameStart", 1).put("frameEnd", Math.max(frames, 1));
        job.set("scene", scene);
        job.putObject("frames").put("start", 1).put("end", frames);
        job.put("chunkSize", 1);
        job.put("priority", 50);
        job.putObject("requirements").put("capability", "cpu");
        return job;
    }

    private static JsonNode awaitState(JobsApi api, String jobId, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = api.get(jobId);
        while (!state.equals(job.path("state").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + jobId + " not " + state + " within " + timeout + ": " + job);
            }
            Thread.sleep(200);
            job = api.get(jobId);
        }
        return job;
    }

    private static Instant awaitFirstStart(TaskEventLog events, String jobId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Instant first = events.firstStart(jobId);
        while (first == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no task of job " + jobId + " started within " + timeout);
            }
            Thread.sleep(5);
            first = events.firstStart(jobId);
        }
        return first;
    }

    private static List<TaskRun> awaitRuns(TaskEventLog events, String jobId, int tasks) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<TaskRun> runs = events.runsOf(jobId);
        while (runs.size() < tasks && System.nanoTime() < deadline) {
            Thread.sleep(100);
            runs = events.runsOf(jobId);
        }
        return runs;
    }

    private static int partitionsOf(String bootstrapServers) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            return admin.describeTopics(List.of(Topics.tasksFor(io.tessera.contracts.Capability.CPU))).allTopicNames()
                    .get().values().iterator().next().partitions().size();
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + Math.round(memoryGib()) + " GiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", JDK "
                + System.getProperty("java.version");
    }

    private static double memoryGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException ignored) {
            // unknown
        }
        return 0;
    }

    private static List<DistributionMode> modesOption(List<String> args) {
        int at = args.indexOf("--modes");
        if (at < 0) {
            return List.of(DistributionMode.values());
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException("--modes: needs a comma-separated list of centralized, hybrid,"
                    + " decentralized");
        }
        List<DistributionMode> list = new ArrayList<>();
        for (String id : args.get(at + 1).split(",")) {
            try {
                list.add(DistributionMode.fromId(id));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--modes: " + e.getMessage());
            }
        }
        return List.copyOf(list);
    }

    private static int intOption(List<String> args, String name, int fallback) {
        int at = args.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + ": needs a number");
        }
        try {
            int value = Integer.parseInt(args.get(at + 1));
            if (value < 1) {
                throw new IllegalArgumentException(name + ": must be at least 1, was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": must be a whole number, was " + args.get(at + 1));
        }
    }
}
