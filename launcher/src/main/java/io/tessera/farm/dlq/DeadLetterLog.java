package io.tessera.farm.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Everything one dead-letter topic holds at the moment it is read.
 *
 * @param topic       the dead-letter topic
 * @param ends        per partition, the end offset it was read up to
 * @param deadLetters the dead letters, by partition then offset
 */
record DeadLetterLog(String topic, Map<Integer, Long> ends, List<DeadLetter> deadLetters) {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Reads every partition of {@code topic} from its beginning up to the end offsets taken when it starts, with
     * {@code consumer} assigned (never subscribed), so no group rebalances and nothing is committed.
     */
    static DeadLetterLog read(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions");
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
        List<DeadLetter> deadLetters = new ArrayList<>();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (!partitions.stream().allMatch(p -> consumer.position(p) >= endOffsets.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " up to " + endOffsets + " within "
                        + READ_TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                if (record.offset() < endOffsets.get(new TopicPartition(record.topic(), record.partition()))) {
                    deadLetters.add(DeadLetter.of(record));
                }
            }
        }
        deadLetters.sort(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
        Map<Integer, Long> ends = new HashMap<>();
        endOffsets.forEach((partition, end) -> ends.put(partition.partition(), end));
        return new DeadLetterLog(topic, Map.copyOf(ends), List.copyOf(deadLetters));
    }

    /** The offsets partition {@code partition} holds, ascending. */
    List<Long> offsets(int partition) {
        return deadLetters.stream().filter(d -> d.partition() == partition).map(DeadLetter::offset).toList();
    }
}
