package io.tessera.farm.dlq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code dlq replay}: republishes dead letters to the topic they failed on, with their original key, value and
 * headers plus {@value DeadLetter#REPLAYED_FROM}. The consumer group {@value #GROUP} marks what was replayed
 * (see {@link ReplayMarker}); its offsets are committed only after the broker acknowledged the republished records,
 * so a dead letter is never replayed twice unless the tool dies between the two (then once more, which the
 * farm's consumers absorb: they dedupe on {@code ce_id}).
 */
public final class DeadLetterReplay {

    /** The consumer group whose committed offsets on the dead-letter topics mark what has been replayed. */
    public static final String GROUP = "tessera-dlq-replay";

    /** One republished dead letter and where it went. */
    public record Replayed(DeadLetter deadLetter, String topic, int partition, long offset) {
    }

    /**
     * What a replay did.
     *
     * @param replayed        the dead letters republished now
     * @param alreadyReplayed the selected dead letters an earlier replay had republished (left alone)
     * @param duplicates      selected dead letters with the ce_id of one republished now (several consumers of one
     *                        topic dead-lettered the same event); one copy reaches them all, so they are marked
     *                        replayed
     * @param failures        dead letters the broker did not acknowledge, with why; they stay unreplayed
     */
    public record Report(String dlqTopic, List<Replayed> replayed, int alreadyReplayed, int duplicates,
                         List<String> failures) {
    }

    private final String bootstrapServers;

    /** Replays dead letters on the broker at {@code bootstrapServers}. */
    public DeadLetterReplay(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Replays the dead letters of {@code topic} ({@code farm.jobs.v1} or {@code farm.jobs.v1.dlq}) that were not
     * replayed yet: all of them, or only those with CloudEvents id {@code ceId} when it is not null.
     *
     * @throws IllegalArgumentException for an unknown topic, or a {@code ceId} no dead letter of the topic has
     */
    public Report replay(String topic, String ceId) {
        try (Admin admin = DlqClients.admin(bootstrapServers);
             KafkaConsumer<String, String> consumer = DlqClients.consumer(bootstrapServers, GROUP)) {
            String dlq = DeadLetterTopics.resolve(topic, admin.listTopics().names().get());
            DeadLetterLog log = DeadLetterLog.read(consumer, dlq);
            Map<Integer, ReplayMarker> markers = markers(consumer, log);
            Selection selection = select(log, markers, ceId);
            Map<String, Integer> partitions = partitionCounts(admin, selection.toReplay());
            Map<Integer, ReplayMarker> planned = advance(markers, log, selection, selection.toReplay());
            planned.values().forEach(ReplayMarker::toCommit);

            List<Replayed> replayed = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            publish(selection.toReplay(), partitions, replayed, failures);

            Set<DeadLetter> acknowledged = replayed.stream().map(Replayed::deadLetter).collect(Collectors.toSet());
            Map<Integer, ReplayMarker> done = advance(markers, log, selection, acknowledged);
            commit(consumer, dlq, markers, done, replayed.size());
            int duplicates = (int) selection.duplicates().values().stream().filter(acknowledged::contains).count();
            return new Report(dlq, replayed, selection.alreadyReplayed(), duplicates, failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + topic, e);
        } catch (ExecutionException e) {
            throw DeadLetterListing.unreachable(e);
        }
    }

    /**
     * @param toReplay        the dead letters to republish, in order
     * @param duplicates      dead letter → the one of {@code toReplay} with its ce_id and original topic
     * @param alreadyReplayed how many selected dead letters were replayed before
     */
    private record Selection(List<DeadLetter> toReplay, Map<DeadLetter, DeadLetter> duplicates, int alreadyReplayed) {
    }

    private static Selection select(DeadLetterLog log, Map<Integer, ReplayMarker> markers, String ceId) {
        List<DeadLetter> toReplay = new ArrayList<>();
        Map<DeadLetter, DeadLetter> duplicates = new LinkedHashMap<>();
        Map<String, DeadLetter> byEvent = new HashMap<>();
        int alreadyReplayed = 0;
        int matching = 0;
        for (DeadLetter deadLetter : log.deadLetters()) {
            if (ceId != null && !ceId.equals(deadLetter.ceId())) {
                continue;
            }
            matching++;
            if (markers.get(deadLetter.partition()).replayed(deadLetter.offset())) {
                alreadyReplayed++;
                continue;
            }
            String event = deadLetter.ceId() == null ? null : deadLetter.originalTopic() + "\n" + deadLetter.ceId();
            DeadLetter first = event == null ? null : byEvent.putIfAbsent(event, deadLetter);
            if (first != null) {
                duplicates.put(deadLetter, first);
            } else {
                toReplay.add(deadLetter);
            }
        }
        if (ceId != null && matching == 0) {
            throw new IllegalArgumentException("--id '" + ceId + "': no dead letter on " + log.topic()
                    + " has that ce_id (./farm dlq list " + log.topic() + " shows them)");
        }
        return new Selection(toReplay, duplicates, alreadyReplayed);
    }

    private static Map<Integer, ReplayMarker> markers(KafkaConsumer<String, String> consumer, DeadLetterLog log) {
        Set<TopicPartition> partitions = log.ends().keySet().stream()
                .map(p -> new TopicPartition(log.topic(), p)).collect(Collectors.toSet());
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
        Map<Integer, ReplayMarker> markers = new HashMap<>();
        for (TopicPartition partition : partitions) {
            markers.put(partition.partition(), ReplayMarker.of(committed.get(partition)));
        }
        return markers;
    }

    /** The markers once {@code replayed} (and the duplicates of those) are marked. */
    private static Map<Integer, ReplayMarker> advance(Map<Integer, ReplayMarker> markers, DeadLetterLog log,
                                                      Selection selection, Collection<DeadLetter> replayed) {
        Set<DeadLetter> done = new HashSet<>(replayed);
        selection.duplicates().forEach((duplicate, first) -> {
            if (done.contains(first)) {
                done.add(duplicate);
            }
        });
        Map<Integer, ReplayMarker> advanced = new HashMap<>();
        markers.forEach((partition, marker) -> advanced.put(partition, marker.plus(
                done.stream().filter(d -> d.partition() == partition).map(DeadLetter::offset).toList(),
                log.offsets(partition), log.ends().get(partition))));
        return advanced;
    }

    /** The partition count of every topic the dead letters go back to; fails before anything is republished. */
    private static Map<String, Integer> partitionCounts(Admin admin, List<DeadLetter> deadLetters)
            throws InterruptedException, ExecutionException {
        Set<String> targets = deadLetters.stream().map(DeadLetter::originalTopic).collect(Collectors.toSet());
        Set<String> existing = admin.listTopics().names().get();
        for (DeadLetter deadLetter : deadLetters) {
            if (!existing.contains(deadLetter.originalTopic())) {
                throw new IllegalStateException("dead letter " + deadLetter.address() + " came from topic '"
                        + deadLetter.originalTopic() + "', which is not on the broker; nothing was replayed");
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        if (!targets.isEmpty()) {
            for (TopicDescription description : admin.describeTopics(targets).allTopicNames().get().values()) {
                counts.put(description.name(), description.partitions().size());
            }
        }
        return counts;
    }

    /** Sends every dead letter, then waits for each acknowledgement (acks=all). */
    private void publish(List<DeadLetter> deadLetters, Map<String, Integer> partitions, List<Replayed> replayed,
                         List<String> failures) throws InterruptedException {
        if (deadLetters.isEmpty()) {
            return;
        }
        try (KafkaProducer<String, String> producer = DlqClients.producer(bootstrapServers)) {
            Map<DeadLetter, Future<RecordMetadata>> sent = new LinkedHashMap<>();
            for (DeadLetter deadLetter : deadLetters) {
                try {
                    sent.put(deadLetter, producer.send(
                            deadLetter.replayRecord(partitions.get(deadLetter.originalTopic()))));
                } catch (RuntimeException e) {
                    failures.add(deadLetter.address() + ": " + e.getMessage());
                }
            }
            producer.flush();
            for (Map.Entry<DeadLetter, Future<RecordMetadata>> entry : sent.entrySet()) {
                try {
                    RecordMetadata metadata = entry.getValue().get();
                    replayed.add(new Replayed(entry.getKey(), metadata.topic(), metadata.partition(),
                            metadata.offset()));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    failures.add(entry.getKey().address() + ": " + cause.getMessage());
                }
            }
        }
    }

    private static void commit(KafkaConsumer<String, String> consumer, String dlq, Map<Integer, ReplayMarker> before,
                               Map<Integer, ReplayMarker> after, int replayed) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        after.forEach((partition, marker) -> {
            if (!marker.equals(before.get(partition))) {
                commits.put(new TopicPartition(dlq, partition), marker.toCommit());
            }
        });
        if (commits.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(commits);
        } catch (RuntimeException e) {
            throw new IllegalStateException("republished " + replayed + " dead letters of " + dlq
                    + " but could not record that in consumer group " + GROUP + " (" + e.getMessage()
                    + "): the next replay republishes them again, which consumers ignore (they dedupe on ce_id)", e);
        }
    }
}
