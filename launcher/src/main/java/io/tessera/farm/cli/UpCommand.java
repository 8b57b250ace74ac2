package io.tessera.farm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.farm.Farm;
import java.nio.file.Path;

/** {@code ./farm up [--demo]}: starts the farm (optionally submitting the three demo jobs) and keeps it running until Ctrl-C or {@code ./farm down}. */
final class UpCommand {

    private final Path repoRoot;
    private final boolean submitDemo;

    UpCommand(Path repoRoot, boolean submitDemo) {
        this.repoRoot = repoRoot;
        this.submitDemo = submitDemo;
    }

    int run() throws Exception {
        FarmSession session = new FarmSession(repoRoot, false);
        Farm farm = session.start();
        if (farm == null) {
            return 1;
        }
        System.out.println("REST API:    " + farm.submissionUrl() + "/api/v1/jobs");
        System.out.println("Swagger UI:  " + farm.submissionUrl() + "/q/swagger-ui");
        System.out.println("Kafka:       " + farm.bootstrapServers());
        System.out.println("PostgreSQL:  " + farm.jdbcUrl() + " (tessera/tessera)");
        System.out.println("Frames:      " + farm.outputRoot() + "/<jobId>/");
        if (submitDemo) {
            JobsApi api = new JobsApi(farm.submissionUrl());
            for (ObjectNode request : DemoJobs.all()) {
                String jobId = api.submit(request).path("jobId").asText();
                System.out.println("Submitted " + request.path("name").asText() + " as job " + jobId);
            }
        }
        System.out.println("Running. Press Ctrl-C (or run ./farm down) to stop.");
        Thread.currentThread().join();
        return 0;
    }
}
