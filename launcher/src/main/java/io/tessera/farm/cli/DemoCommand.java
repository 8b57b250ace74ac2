package io.tessera.farm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.farm.Farm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code ./farm demo}: starts the farm, submits the bundled demo animation, shows live progress until the job
 * ends, tells where the frames are and stops the farm.
 */
final class DemoCommand {

    private final Path repoRoot;

    DemoCommand(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    int run() throws Exception {
        FarmSession session = new FarmSession(repoRoot);
        Farm farm = session.start();
        if (farm == null) {
            return 1;
        }
        try {
            JobsApi api = new JobsApi(farm.submissionUrl());
            JsonNode submitted = api.submit(JobsApi.demoJob());
            String jobId = submitted.path("jobId").asText();
            System.out.println("Submitted the demo animation as job " + jobId);
            JsonNode job = follow(api, jobId);
            Path output = outputDir(farm, job, jobId);
            System.out.println("Job " + jobId + " ended " + job.path("state").asText()
                    + (job.path("reason").isTextual() ? ": " + job.path("reason").asText() : ""));
            System.out.println("Frames:   " + output + " (" + countPngs(output) + " PNG files)");
            System.out.println("REST API: " + farm.submissionUrl() + "/api/v1/jobs/" + jobId);
            return "COMPLETED".equals(job.path("state").asText()) ? 0 : 1;
        } finally {
            session.stop();
        }
    }

    private static JsonNode follow(JobsApi api, String jobId) throws IOException, InterruptedException {
        long started = System.nanoTime();
        while (true) {
            JsonNode job = api.get(jobId);
            double elapsed = (System.nanoTime() - started) / 1e9;
            System.out.print("\r" + ProgressLine.render(job, elapsed) + "   ");
            System.out.flush();
            if (ProgressLine.isFinal(job)) {
                System.out.println();
                return job;
            }
            Thread.sleep(500);
        }
    }

    private static Path outputDir(Farm farm, JsonNode job, String jobId) {
        String reported = job.path("outputDir").asText("");
        if (reported.isEmpty()) {
            return farm.outputRoot().resolve(jobId);
        }
        Path path = Path.of(reported);
        return path.isAbsolute() ? path : farm.outputRoot().resolve(path);
    }

    private static long countPngs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".png")).count();
        }
    }
}
