package io.tessera.farm.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads topics from their current end on its own daemon thread, without a consumer group (the benchmark only
 * watches), and hands each record to a handler until closed.
 */
final class TopicTail implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    TopicTail(String bootstrapServers, List<String> topics, String threadName,
              Consumer<ConsumerRecord<String, String>> handler) {
        consumer = new KafkaConsumer<>(BenchClients.consumer(bootstrapServers, null, 2_000));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the end now, so nothing produced after this is missed
        thread = new Thread(() -> {
            while (running.get()) {
                consumer.poll(Duration.ofMillis(50)).forEach(handler);
            }
            consumer.close();
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
