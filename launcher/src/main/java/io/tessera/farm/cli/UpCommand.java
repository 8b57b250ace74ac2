package io.tessera.farm.cli;

import io.tessera.farm.Farm;
import java.nio.file.Path;

/** {@code ./farm up [--demo]}: starts the farm and keeps it running until Ctrl-C or {@code ./farm down}. */
final class UpCommand {

    private final Path repoRoot;
    private final boolean submitDemo;

    UpCommand(Path repoRoot, boolean submitDemo) {
        this.repoRoot = repoRoot;
        this.submitDemo = submitDemo;
    }

    int run() throws Exception {
        FarmSession session = new FarmSession(repoRoot);
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
            String jobId = new JobsApi(farm.submissionUrl()).submit(JobsApi.demoJob()).path("jobId").asText();
            System.out.println("Submitted the demo job " + jobId);
        }
        System.out.println("Running. Press Ctrl-C (or run ./farm down) to stop.");
        Thread.currentThread().join();
        return 0;
    }
}
