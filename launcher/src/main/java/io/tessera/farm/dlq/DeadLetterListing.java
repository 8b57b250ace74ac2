package io.tessera.farm.dlq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * {@code dlq list}: the dead-letter topics with their counts, or the dead letters of one topic. Reads only: a
 * consumer without a group, assigned and positioned at the beginning, and the replay marker's committed offsets.
 */
public final class DeadLetterListing {

    /**
     * One dead-letter topic.
     *
     * @param deadLetters how many records it holds
     * @param notReplayed how many of them {@code dlq replay} has not republished
     */
    public record TopicCount(String topic, long deadLetters, long notReplayed) {
    }

    /** One dead letter and whether {@code dlq replay} already republished it. */
    public record Entry(DeadLetter deadLetter, boolean replayed) {
    }

    /** The dead letters of one dead-letter topic, by partition and offset. */
    public record Listing(String dlqTopic, List<Entry> entries) {
    }

    private final String bootstrapServers;

    /** Lists the dead letters of the broker at {@code bootstrapServers}. */
    public DeadLetterListing(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every dead-letter topic on the broker with its counts, by name. */
    public List<TopicCount> counts() {
        try (Admin admin = DlqClients.admin(bootstrapServers)) {
            List<String> topics = DeadLetterTopics.among(admin.listTopics().names().get());
            if (topics.isEmpty()) {
                return List.of();
            }
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            List<TopicPartition> partitions = new ArrayList<>();
            descriptions.values().forEach(d -> d.partitions()
                    .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
            Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, ListOffsetsResultInfo> latest = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> replayed = markers(admin);
            Map<String, long[]> counts = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long begin = earliest.get(partition).offset();
                long end = latest.get(partition).offset();
                ReplayMarker marker = ReplayMarker.of(replayed.get(partition));
                long fromNext = Math.max(begin, marker.next());
                long notReplayed = Math.max(0, end - fromNext)
                        - marker.replayedAbove().subSet(fromNext, Math.max(fromNext, end)).size();
                long[] count = counts.computeIfAbsent(partition.topic(), t -> new long[2]);
                count[0] += end - begin;
                count[1] += Math.max(0, notReplayed);
            }
            return topics.stream().map(t -> new TopicCount(t, counts.get(t)[0], counts.get(t)[1])).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the dead-letter topics", e);
        } catch (ExecutionException e) {
            throw unreachable(e);
        }
    }

    /**
     * The dead letters of {@code topic} ({@code farm.jobs.v1} or {@code farm.jobs.v1.dlq}), by partition and offset.
     *
     * @throws IllegalArgumentException naming the topic and listing the dead-letter topics when it is none of them
     */
    public Listing list(String topic) {
        String dlq;
        Map<TopicPartition, OffsetAndMetadata> replayed;
        try (Admin admin = DlqClients.admin(bootstrapServers)) {
            dlq = DeadLetterTopics.resolve(topic, admin.listTopics().names().get());
            replayed = markers(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + topic, e);
        } catch (ExecutionException e) {
            throw unreachable(e);
        }
        DeadLetterLog log;
        try (KafkaConsumer<String, String> consumer = DlqClients.consumer(bootstrapServers, null)) {
            log = DeadLetterLog.read(consumer, dlq);
        }
        return new Listing(dlq, log.deadLetters().stream().map(d -> new Entry(d, ReplayMarker
                .of(replayed.get(new TopicPartition(d.dlqTopic(), d.partition()))).replayed(d.offset()))).toList());
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin admin, List<TopicPartition> partitions,
                                                                      OffsetSpec spec)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        return admin.listOffsets(request).all().get();
    }

    /** The replay marker's commits; none before the first replay. */
    private static Map<TopicPartition, OffsetAndMetadata> markers(Admin admin)
            throws InterruptedException, ExecutionException {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(DeadLetterReplay.GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    present.put(partition, offset);
                }
            });
            return present;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw e;
        }
    }

    static IllegalStateException unreachable(ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new IllegalStateException("Kafka did not answer: " + cause.getMessage(), cause);
    }
}
