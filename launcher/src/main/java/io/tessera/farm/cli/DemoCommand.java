package io.tessera.farm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.farm.Farm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./farm demo}: starts the farm, submits the three demo jobs (an animation, a tiled still, a layered frame),
 * shows one live progress bar per job until all end, tells where each job's images are and stops the farm.
 */
final class DemoCommand {

    private static final boolean ANSI = System.console() != null;

    private final Path repoRoot;

    DemoCommand(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    int run() throws Exception {
        FarmSession session = new FarmSession(repoRoot, true);
        Farm farm = session.start();
        if (farm == null) {
            return 1;
        }
        try {
            JobsApi api = new JobsApi(farm.submissionUrl());
            List<String> jobIds = new ArrayList<>();
            for (ObjectNode request : DemoJobs.all()) {
                JsonNode submitted = api.submit(request);
                jobIds.add(submitted.path("jobId").asText());
                System.out.println("Submitted " + request.path("name").asText() + " as job "
                        + submitted.path("jobId").asText());
            }
            List<JsonNode> jobs = follow(api, jobIds);
            boolean allCompleted = true;
            for (JsonNode job : jobs) {
                allCompleted &= report(farm, job);
            }
            System.out.println("REST API: " + farm.submissionUrl() + "/api/v1/jobs?studio=tessera-demo");
            return allCompleted ? 0 : 1;
        } finally {
            session.stop();
        }
    }

    /** Redraws one line per job (in place on a terminal, on change otherwise) until every job ended. */
    private static List<JsonNode> follow(JobsApi api, List<String> jobIds) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<String> previous = List.of();
        while (true) {
            List<JsonNode> jobs = new ArrayList<>();
            for (String jobId : jobIds) {
                jobs.add(api.get(jobId));
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            List<String> lines = jobs.stream().map(job -> ProgressLine.render(job, elapsed)).toList();
            draw(previous, lines);
            previous = lines;
            if (jobs.stream().allMatch(ProgressLine::isFinal)) {
                return jobs;
            }
            Thread.sleep(500);
        }
    }

    private static void draw(List<String> previous, List<String> lines) {
        if (ANSI) {
            StringBuilder frame = new StringBuilder();
            if (!previous.isEmpty()) {
                frame.append("\u001b[").append(previous.size()).append('A');
            }
            lines.forEach(line -> frame.append('\r').append(line).append("\u001b[K\n"));
            System.out.print(frame);
            System.out.flush();
        } else if (!lines.equals(previous)) {
            lines.forEach(System.out::println);
            System.out.println();
        }
    }

    /** Prints how the job ended and where its images are; true when it completed. */
    private static boolean report(Farm farm, JsonNode job) throws IOException {
        String state = job.path("state").asText();
        System.out.println(job.path("name").asText() + " (job " + job.path("jobId").asText() + ") ended " + state
                + (job.path("reason").isTextual() ? ": " + job.path("reason").asText() : ""));
        for (String line : DemoJobs.outputs(job, outputDir(farm, job))) {
            System.out.println("  " + line);
        }
        return "COMPLETED".equals(state);
    }

    private static Path outputDir(Farm farm, JsonNode job) {
        String reported = job.path("outputDir").asText("");
        if (reported.isEmpty()) {
            return farm.outputRoot().resolve(job.path("jobId").asText());
        }
        Path path = Path.of(reported);
        return path.isAbsolute() ? path : farm.outputRoot().resolve(path);
    }
}
