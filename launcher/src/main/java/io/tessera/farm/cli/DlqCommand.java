package io.tessera.farm.cli;

import io.tessera.farm.dlq.DeadLetter;
import io.tessera.farm.dlq.DeadLetterListing;
import io.tessera.farm.dlq.DeadLetterReplay;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./farm dlq list [<topic>]} and {@code ./farm dlq replay <topic> [--id <ce_id>|--all]}: shows and
 * replays the dead letters of the farm running from this checkout (or of {@code --bootstrap-server}).
 */
final class DlqCommand {

    static final String USAGE = """
            usage: ./farm dlq list [<topic>]
                   ./farm dlq replay <topic> [--id <ce_id> | --all]
              <topic> is a farm topic or its dead-letter topic: farm.jobs.v1 and farm.jobs.v1.dlq mean the same.
              list            every dead-letter topic, how many records it holds and how many are not replayed yet
              list <topic>    one line per dead letter: offset, time, where it failed (topic:partition:offset), key,
                              ce_id, ce_type, whether it was replayed, the reason and the start of the value
              replay <topic>  republishes the dead letters not replayed yet (all of them, or with --id those with one
                              ce_id) to the topic and partition they failed on: same key, value and CloudEvents
                              headers, without the dead-letter-* headers, plus
                              tessera-replayed-from=<dlq topic>:<partition>:<offset>. Consumer group
                              tessera-dlq-replay records what was replayed once the broker acknowledged it, so running
                              replay again republishes nothing twice.
                              Replaying is safe: the farm's consumers dedupe on ce_id, so an event a service had in
                              fact applied is ignored. Every consumer of the topic sees the replayed record (not only
                              the one that dead-lettered it); a record that fails again lands on the .dlq once more.
              --bootstrap-server <host:port>  use that broker instead of the farm running from this checkout""";

    private static final int VALUE_CHARS = 80;
    private static final int REASON_CHARS = 200;
    /** Kept so the level set on it holds: java.util.logging keeps loggers only weakly. */
    private static final Logger KAFKA_LOG = Logger.getLogger("org.apache.kafka");

    private final Path repoRoot;
    private final List<String> args;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param args the arguments after {@code dlq}
     */
    DlqCommand(Path repoRoot, List<String> args, PrintStream out, PrintStream err) {
        this.repoRoot = repoRoot;
        this.args = List.copyOf(args);
        this.out = out;
        this.err = err;
    }

    /** Runs the command; 0 when it did what was asked, 1 when it failed, 2 for a usage error. */
    int run() {
        Arguments parsed;
        try {
            parsed = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("farm dlq: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (parsed.help()) {
            out.println(USAGE);
            return 0;
        }
        KAFKA_LOG.setLevel(Level.WARNING);
        try {
            String bootstrap = parsed.bootstrapServers() != null ? parsed.bootstrapServers()
                    : RunningFarm.bootstrapServers(repoRoot);
            if (parsed.replay()) {
                return replay(new DeadLetterReplay(bootstrap).replay(parsed.topic(), parsed.ceId()));
            }
            if (parsed.topic() == null) {
                return counts(bootstrap, new DeadLetterListing(bootstrap).counts());
            }
            return list(new DeadLetterListing(bootstrap).list(parsed.topic()));
        } catch (Exception e) {
            err.println("farm dlq: " + e.getMessage());
            return 1;
        }
    }

    private int counts(String bootstrap, List<DeadLetterListing.TopicCount> counts) {
        if (counts.isEmpty()) {
            out.println("No dead-letter topics (*.dlq) on " + bootstrap + ".");
            return 0;
        }
        int width = counts.stream().mapToInt(c -> c.topic().length()).max().orElse(0) + 2;
        out.printf("%-" + width + "s%12s  %s%n", "dead-letter topic", "dead letters", "not replayed");
        for (DeadLetterListing.TopicCount count : counts) {
            out.printf("%-" + width + "s%12d  %d%n", count.topic(), count.deadLetters(), count.notReplayed());
        }
        return 0;
    }

    private int list(DeadLetterListing.Listing listing) {
        List<DeadLetterListing.Entry> entries = listing.entries();
        long notReplayed = entries.stream().filter(e -> !e.replayed()).count();
        boolean partitioned = entries.stream().map(e -> e.deadLetter().partition()).distinct().count() > 1;
        for (DeadLetterListing.Entry entry : entries) {
            out.println(line(entry, partitioned));
        }
        out.println(listing.dlqTopic() + ": " + deadLetters(entries.size()) + ", " + notReplayed + " not replayed.");
        return 0;
    }

    /**
     * One dead letter: {@code offset=3 time=... from=farm.jobs.v1:1:17 key=... ce_id=... ce_type=... replayed=no
     * reason="..." value=...} (with {@code partition=} first when the topic's dead letters sit on several).
     */
    static String line(DeadLetterListing.Entry entry, boolean withPartition) {
        DeadLetter d = entry.deadLetter();
        StringBuilder line = new StringBuilder();
        if (withPartition) {
            line.append("partition=").append(d.partition()).append(' ');
        }
        line.append("offset=").append(d.offset());
        line.append(" time=").append(d.timestamp());
        line.append(" from=").append(d.originalTopic());
        if (d.originalPartition() != null || d.originalOffset() != null) {
            line.append(':').append(orUnknown(d.originalPartition())).append(':').append(orUnknown(d.originalOffset()));
        }
        if (d.key() != null) {
            line.append(" key=").append(printable(d.key(), VALUE_CHARS));
        }
        if (d.ceId() != null) {
            line.append(" ce_id=").append(printable(d.ceId(), VALUE_CHARS));
        }
        if (d.ceType() != null) {
            line.append(" ce_type=").append(printable(d.ceType(), VALUE_CHARS));
        }
        line.append(" replayed=").append(entry.replayed() ? "yes" : "no");
        String reason = d.reason();
        line.append(" reason=").append(reason == null ? "(none)" : '"' + printable(reason, REASON_CHARS) + '"');
        line.append(" value=").append(d.value() == null ? "(null)" : printable(d.value(), VALUE_CHARS));
        return line.toString();
    }

    private int replay(DeadLetterReplay.Report report) {
        List<String> targets = new ArrayList<>();
        for (DeadLetterReplay.Replayed replayed : report.replayed()) {
            DeadLetter d = replayed.deadLetter();
            out.println("replayed " + d.address() + (d.ceId() == null ? "" : " ce_id=" + d.ceId()) + " -> "
                    + replayed.topic() + ":" + replayed.partition() + ":" + replayed.offset());
            if (!targets.contains(replayed.topic())) {
                targets.add(replayed.topic());
            }
        }
        for (String failure : report.failures()) {
            err.println("not replayed " + failure);
        }
        StringBuilder summary = new StringBuilder("Replayed ").append(deadLetters(report.replayed().size()))
                .append(" of ").append(report.dlqTopic());
        if (!targets.isEmpty()) {
            summary.append(" to ").append(String.join(", ", targets));
        }
        summary.append("; skipped ").append(report.alreadyReplayed()).append(" already replayed");
        if (report.duplicates() > 0) {
            summary.append("; marked ").append(report.duplicates())
                    .append(" with the ce_id of one replayed now as replayed");
        }
        out.println(summary.append('.'));
        if (!report.failures().isEmpty()) {
            err.println(deadLetters(report.failures().size()) + " not acknowledged by the broker: not marked as"
                    + " replayed; run the replay again");
            return 1;
        }
        return 0;
    }

    private static String deadLetters(long count) {
        return count + (count == 1 ? " dead letter" : " dead letters");
    }

    private static String orUnknown(Object value) {
        return value == null ? "?" : value.toString();
    }

    /** {@code text} on one line (control characters escaped), cut after {@code max} characters. */
    static String printable(String text, int max) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < text.length() && escaped.length() < max; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> escaped.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        if (escaped.length() >= max && text.length() > max) {
            escaped.setLength(max);
            escaped.append("...(").append(text.length()).append(" chars)");
        }
        return escaped.toString();
    }

    /**
     * The parsed arguments.
     *
     * @param ceId null to replay every dead letter not replayed yet
     */
    record Arguments(boolean help, boolean replay, String topic, String ceId, String bootstrapServers) {

        static Arguments parse(List<String> args) {
            List<String> positional = new ArrayList<>();
            String ceId = null;
            String bootstrap = null;
            boolean all = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--id") || arg.equals("--bootstrap-server")) {
                    if (i + 1 >= args.size() || args.get(i + 1).isBlank() || args.get(i + 1).startsWith("--")) {
                        throw new IllegalArgumentException(arg + ": needs a value ("
                                + (arg.equals("--id") ? "the ce_id of a dead letter" : "host:port") + ")");
                    }
                    String value = args.get(++i).trim();
                    if (arg.equals("--id")) {
                        ceId = value;
                    } else {
                        bootstrap = value;
                    }
                } else if (arg.startsWith("--bootstrap-server=")) {
                    bootstrap = arg.substring("--bootstrap-server=".length()).trim();
                } else if (arg.equals("--all")) {
                    all = true;
                } else if (arg.equals("-h") || arg.equals("--help") || arg.equals("help")) {
                    return new Arguments(true, false, null, null, null);
                } else if (arg.startsWith("-")) {
                    throw new IllegalArgumentException("unknown option '" + arg + "'");
                } else {
                    positional.add(arg);
                }
            }
            if (positional.isEmpty()) {
                return new Arguments(true, false, null, null, null);
            }
            if (bootstrap != null && bootstrap.isEmpty()) {
                throw new IllegalArgumentException("--bootstrap-server: needs a value (host:port)");
            }
            String command = positional.get(0);
            switch (command) {
                case "list" -> {
                    if (positional.size() > 2) {
                        throw new IllegalArgumentException("list: takes at most one topic, got "
                                + positional.subList(1, positional.size()));
                    }
                    if (ceId != null || all) {
                        throw new IllegalArgumentException("list: --id and --all belong to replay");
                    }
                    String topic = positional.size() == 2 ? positional.get(1) : null;
                    return new Arguments(false, false, topic, null, bootstrap);
                }
                case "replay" -> {
                    if (positional.size() != 2) {
                        throw new IllegalArgumentException("replay: needs exactly one topic, got "
                                + (positional.size() == 1 ? "none" : positional.subList(1, positional.size())));
                    }
                    if (ceId != null && all) {
                        throw new IllegalArgumentException("replay: --id and --all exclude each other");
                    }
                    return new Arguments(false, true, positional.get(1), ceId, bootstrap);
                }
                default -> throw new IllegalArgumentException("unknown dlq command '" + command
                        + "' (list or replay)");
            }
        }
    }
}
