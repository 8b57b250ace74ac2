package io.tessera.monitoring.component;

import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain kafka-clients access to the test broker: produce events with real CloudEvents headers, read topics. */
final class FarmKafka {

    private static KafkaProducer<String, String> producer;

    private FarmKafka() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MonitoringInfrastructure.shared().bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    /** Sends {@code event} with ce_id {@code id} and waits for the broker's ack. */
    static void send(String topic, String key, String id, TesseraEvent event) {
        send(EventEnvelope.of(id, "/tessera/test", event).toRecord(topic, key));
    }

    static void send(ProducerRecord<String, String> record) {
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    /** Reads {@code topic} from the beginning until a record matches, or fails after {@code timeout}. */
    static ConsumerRecord<String, String> await(String topic, Duration timeout,
                                                Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> found = readUntil(topic, timeout, match, false);
        return found.stream().filter(match).findFirst().orElseThrow(() -> new AssertionError(
                "no matching record on " + topic + " within " + timeout + "; saw " + found.size() + " records"));
    }

    /** Every record of {@code topic} now, read from the beginning (polls until the end offsets are reached). */
    static List<ConsumerRecord<String, String>> readAll(String topic) {
        return readUntil(topic, Duration.ofSeconds(10), r -> false, true);
    }

    private static List<ConsumerRecord<String, String>> readUntil(String topic, Duration timeout,
                                                                  Predicate<ConsumerRecord<String, String>> match,
                                                                  boolean stopWhenCaughtUp) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, MonitoringInfrastructure.shared().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    if (match.test(record)) {
                        return records;
                    }
                }
                if (stopWhenCaughtUp && caughtUp(consumer, partitions)) {
                    return records;
                }
            }
        }
        return records;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        var ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }

    /** A header of a record as text. */
    static String header(ConsumerRecord<String, String> record, String name) {
        return EventEnvelope.header(record.headers(), name);
    }
}
