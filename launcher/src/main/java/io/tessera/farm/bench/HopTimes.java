package io.tessera.farm.bench;

import io.tessera.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a job's first task spends its way to a worker: reads the topics a new job crosses (from their end, without a
 * consumer group) and keeps the broker timestamp of the first record each topic carries for a key. Every key on
 * these topics is a job id or a task id, and task ids start with their job id, so a job's hop is the earliest record
 * whose key starts with the job id. Meant for the latency phase's one-task jobs, not for large jobs.
 */
public final class HopTimes implements AutoCloseable {

    /** The hops in the order a new job crosses them, each named by the service that wrote it. */
    public static final Map<String, String> HOPS = hops();

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Map<String, Long>> firstByTopic = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public HopTimes(String bootstrapServers) {
        consumer = new KafkaConsumer<>(BenchClients.consumer(bootstrapServers, null, 2_000));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : HOPS.keySet()) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::poll, "bench-hop-times");
        thread.setDaemon(true);
        thread.start();
    }

    private static Map<String, String> hops() {
        Map<String, String> hops = new LinkedHashMap<>();
        hops.put(Topics.JOBS, "submission");
        hops.put(Topics.TASKS_PLANNED, "segmentation");
        hops.put(Topics.TASKS_READY, "monitoring");
        hops.put(Topics.TASKS_CPU, "assignment");
        hops.put(Topics.TASK_EVENTS, "worker");
        return hops;
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                if (record.key() != null) {
                    synchronized (this) {
                        firstByTopic.computeIfAbsent(record.topic(), t -> new HashMap<>())
                                .merge(record.key(), record.timestamp(), Math::min);
                    }
                }
            }
        }
        consumer.close();
    }

    /**
     * Milliseconds each hop took for {@code jobId}, from {@code submitted}: the time from the previous hop's record (or
     * the submission) to the first record on the hop's topic, by the writing service's name; a hop not seen is left out.
     */
    public synchronized Map<String, Long> of(String jobId, Instant submitted) {
        Map<String, Long> took = new LinkedHashMap<>();
        long previous = submitted.toEpochMilli();
        for (Map.Entry<String, String> hop : HOPS.entrySet()) {
            long first = firstByTopic.getOrDefault(hop.getKey(), Map.of()).entrySet().stream()
                    .filter(e -> e.getKey().startsWith(jobId)).mapToLong(Map.Entry::getValue).min().orElse(-1);
            if (first >= 0) {
                took.put(hop.getValue(), first - previous);
                previous = first;
            }
        }
        return took;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
