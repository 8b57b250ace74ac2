package io.tessera.farm.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The naive baseline: the same tasks on a plain Kafka consumer group. Each worker slot is a consumer of one group on
 * a topic of {@code partitions} partitions (Kafka spreads the partitions over the consumers); a consumer takes one
 * record at a time, "renders" it (sleeps its reference duration divided by its worker's speed) and commits. A busy
 * consumer's partitions wait even when other consumers are idle: the invariant this breaks.
 */
public final class NaiveBaseline {

    private NaiveBaseline() {
    }

    /**
     * Runs the tasks ({@code taskId → reference milliseconds}) on slots of the given workers.
     *
     * @return the runs, with the slot id {@code worker/slot} as worker
     */
    public static List<TaskRun> run(String bootstrapServers, Map<String, Double> referenceMillis,
                                    Map<String, Integer> slots, Map<String, Double> speeds, int partitions,
                                    Instant[] submittedAt) throws ExecutionException, InterruptedException {
        String topic = "bench.baseline." + System.currentTimeMillis();
        BenchClients.createTopic(bootstrapServers, topic, partitions);
        List<TaskRun> runs = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        List<Thread> consumers = new ArrayList<>();
        String group = topic + ".group";
        for (Map.Entry<String, Integer> worker : slots.entrySet()) {
            for (int slot = 0; slot < worker.getValue(); slot++) {
                String id = worker.getKey() + "/" + slot;
                double speed = speeds.getOrDefault(worker.getKey(), 1.0);
                Thread thread = new Thread(() -> consume(bootstrapServers, topic, group, id, speed, runs, done,
                        referenceMillis.size(), submittedAt), "baseline-" + id);
                thread.setDaemon(true);
                thread.start();
                consumers.add(thread);
            }
        }
        Thread.sleep(5_000); // let the group settle before the work arrives, as a running farm would be
        submittedAt[0] = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(BenchClients.producer(bootstrapServers))) {
            for (Map.Entry<String, Double> task : new LinkedHashMap<>(referenceMillis).entrySet()) {
                producer.send(new ProducerRecord<>(topic, task.getKey(), Double.toString(task.getValue())));
            }
        }
        for (Thread consumer : consumers) {
            consumer.join(Duration.ofMinutes(10).toMillis());
        }
        return new ArrayList<>(runs);
    }

    private static void consume(String bootstrapServers, String topic, String group, String id, double speed,
                                List<TaskRun> runs, AtomicInteger done, int total, Instant[] submittedAt) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(BenchClients.consumer(bootstrapServers, group,
                1))) {
            consumer.subscribe(List.of(topic));
            while (done.get() < total) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    Instant started = Instant.now();
                    long millis = Math.round(Double.parseDouble(record.value()) / speed);
                    Thread.sleep(millis);
                    consumer.commitSync();
                    runs.add(new TaskRun(record.key(), id, started, Instant.now(), millis, submittedAt[0]));
                    done.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
