package io.tessera.farm.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The raw Kafka ceiling on this broker: produce {@code records} records of {@code bytes} bytes (acks=all, no
 * idempotence, as the farm produces) and consume them back, timed separately, each from a client already connected
 * (a client's start-up is not a cost per record). What no farm on this broker can beat.
 */
public final class KafkaCeiling {

    /** Records per second produced and consumed. */
    public record Result(int records, int bytes, double producedPerSecond, double consumedPerSecond) {
    }

    private KafkaCeiling() {
    }

    /** Measures the ceiling on a fresh topic. */
    public static Result measure(String bootstrapServers, int records, int bytes)
            throws ExecutionException, InterruptedException {
        String topic = "bench.ceiling." + System.currentTimeMillis();
        BenchClients.createTopic(bootstrapServers, topic, 3);
        String value = "x".repeat(bytes);
        double produceSeconds;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(BenchClients.producer(bootstrapServers))) {
            producer.partitionsFor(topic); // connected, with the topic's metadata: the farm's producers live for days
            long produceStart = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "task-" + i, value));
            }
            producer.flush();
            produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        }
        int seen = 0;
        double consumeSeconds;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(BenchClients.consumer(bootstrapServers, null, 2_000))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(consumer::position); // the starting offsets looked up before the clock starts
            long consumeStart = System.nanoTime();
            long deadline = consumeStart + Duration.ofMinutes(2).toNanos();
            while (seen < records && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            consumeSeconds = (System.nanoTime() - consumeStart) / 1e9;
        }
        return new Result(records, bytes, records / produceSeconds, seen / consumeSeconds);
    }
}
