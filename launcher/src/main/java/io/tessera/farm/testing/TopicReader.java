package io.tessera.farm.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer without a group, assigned to every partition of one topic and positioned at its beginning: it sees
 * every record the topic holds, whatever other readers committed, and joins no group before its first poll.
 */
final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    TopicReader(String topic, String bootstrapServers) {
        this.consumer = KafkaTestClient.withFarmLoader(() -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer()));
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " does not exist on " + bootstrapServers);
        }
        this.partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once and adds the records that pass {@code filter} to {@code matches}. */
    void pollInto(Predicate<ConsumerRecord<String, String>> filter, List<ConsumerRecord<String, String>> matches) {
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            if (filter.test(record)) {
                matches.add(record);
            }
        }
    }

    /** The offsets the next record of each partition will get: the end of what the topic holds now. */
    Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions);
    }

    /** True once this reader has read every partition up to {@code ends}. */
    boolean reached(Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
