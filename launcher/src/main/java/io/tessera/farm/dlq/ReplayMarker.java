package io.tessera.farm.dlq;

import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * What has been replayed from one partition of a dead-letter topic, as the consumer group
 * {@value DeadLetterReplay#GROUP} commits it: every dead letter below the committed offset was replayed, and the
 * commit's metadata lists the offsets above it that were replayed one by one ({@code replay --id}).
 *
 * @param next          the committed offset: the first dead letter not known to be replayed
 * @param replayedAbove offsets at or above {@code next} that were replayed
 */
record ReplayMarker(long next, SortedSet<Long> replayedAbove) {

    /** How the commit metadata starts: {@code replayed:17,20}. */
    static final String METADATA_PREFIX = "replayed:";
    /** The broker refuses commit metadata over {@code offset.metadata.max.bytes} (4096 by default). */
    static final int MAX_METADATA = 4000;

    ReplayMarker {
        replayedAbove = new TreeSet<>(replayedAbove.tailSet(next));
    }

    /** Nothing replayed yet. */
    static ReplayMarker none() {
        return new ReplayMarker(0, new TreeSet<>());
    }

    /** The marker a commit holds; {@link #none()} for no commit. */
    static ReplayMarker of(OffsetAndMetadata committed) {
        if (committed == null) {
            return none();
        }
        SortedSet<Long> above = new TreeSet<>();
        String metadata = committed.metadata();
        if (metadata != null && metadata.startsWith(METADATA_PREFIX)) {
            for (String offset : metadata.substring(METADATA_PREFIX.length()).split(",")) {
                if (!offset.isBlank()) {
                    above.add(Long.parseLong(offset.trim()));
                }
            }
        }
        return new ReplayMarker(committed.offset(), above);
    }

    /** True when the dead letter at {@code offset} was replayed. */
    boolean replayed(long offset) {
        return offset < next || replayedAbove.contains(offset);
    }

    /**
     * The marker once the dead letters at {@code handled} are replayed too. The committed offset moves past every
     * replayed dead letter from the current one on, and to {@code end} when all of {@code present} are replayed.
     *
     * @param present every offset the partition holds below {@code end}, ascending
     * @param end     the partition's end offset when it was read
     */
    ReplayMarker plus(Collection<Long> handled, List<Long> present, long end) {
        SortedSet<Long> replayed = new TreeSet<>(replayedAbove);
        replayed.addAll(handled);
        long moved = next;
        boolean all = true;
        for (long offset : present) {
            if (offset < moved) {
                continue;
            }
            if (!replayed.contains(offset)) {
                all = false;
                break;
            }
            moved = offset + 1;
        }
        if (all) {
            moved = Math.max(moved, end);
        }
        return new ReplayMarker(moved, replayed);
    }

    /**
     * The commit that records this marker.
     *
     * @throws IllegalStateException when too many single replays above the committed offset do not fit the metadata
     */
    OffsetAndMetadata toCommit() {
        String metadata = replayedAbove.isEmpty() ? ""
                : replayedAbove.stream().map(String::valueOf).collect(Collectors.joining(",", METADATA_PREFIX, ""));
        if (metadata.length() > MAX_METADATA) {
            throw new IllegalStateException("too many dead letters replayed one by one (" + replayedAbove.size()
                    + ") above offset " + next + " to record; replay the rest of the topic without --id");
        }
        return new OffsetAndMetadata(next, metadata);
    }
}
