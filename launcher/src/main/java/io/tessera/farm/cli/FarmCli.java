package io.tessera.farm.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./farm demo|up|down|status|dlq}: runs a whole Tessera farm on this machine from the repository root.
 */
public final class FarmCli {

    private FarmCli() {
    }

    /** Entry point of the {@code ./farm} script; the working directory is the repository root. */
    public static void main(String[] args) {
        Path repoRoot = Path.of("").toAbsolutePath();
        String command = args.length == 0 ? "help" : args[0];
        int exit;
        try {
            exit = switch (command) {
                case "demo" -> new DemoCommand(repoRoot).run();
                case "up" -> new UpCommand(repoRoot, args.length > 1 && args[1].equals("--demo")).run();
                case "down" -> new DownCommand(repoRoot).run();
                case "status" -> new StatusCommand(repoRoot).run();
                case "bench" -> new BenchCommand(repoRoot, List.of(args).subList(1, args.length)).run();
                case "dlq" -> new DlqCommand(repoRoot, List.of(args).subList(1, args.length), System.out,
                        System.err).run();
                default -> usage();
            };
        } catch (Exception e) {
            System.err.println("farm " + command + " failed: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    private static int usage() {
        System.out.println("""
                usage: ./farm <command>
                  demo         start the farm, render the demo animation, a tiled still (1920x1080, 10x10 tiles)
                               and a layered frame (6 passes) into out/<jobId>/, stop
                  up [--demo]  start the farm (optionally submit the demo jobs) and keep it running until Ctrl-C
                  down         stop a farm left running (reads .farm/pids)
                  status       show the farm's processes
                  bench [--tasks N] [--mixed-tasks N] [--mixed-mean-ms N] [--latency-samples N] [--warm-up-tasks N]
                        [--modes centralized,hybrid,decentralized] [--server-compiler] [--no-baseline]
                               measure the farm with simulated workers (its own broker, database and services in
                               .farm-bench/): Kafka ceiling, zero-length throughput, latency, utilisation vs a
                               naive consumer group, peak memory; writes bench-results/bench-<date>.json and .html
                  dlq list [<topic>]
                               show dead letters: every *.dlq topic with its counts, or one topic's records
                  dlq replay <topic> [--id <ce_id>|--all]
                               republish dead letters to the topic they failed on, each once (./farm dlq help)""");
        return 2;
    }
}
