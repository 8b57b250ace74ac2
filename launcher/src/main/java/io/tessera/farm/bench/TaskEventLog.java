package io.tessera.farm.bench;

import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskReady;
import io.tessera.contracts.tasks.TaskStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads {@code farm.task-events.v1} and {@code farm.tasks.ready.v1} from their end, on its own thread, without a
 * consumer group (it changes nothing), and pairs each task's TaskStarted with its TaskCompleted and the TaskReady of
 * that attempt: the runs the benchmark measures.
 */
public final class TaskEventLog implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, TaskStarted> started = new HashMap<>();
    private final Map<String, Instant> ready = new HashMap<>();
    private final Map<String, TaskRun> runs = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public TaskEventLog(String bootstrapServers) {
        consumer = new KafkaConsumer<>(BenchClients.consumer(bootstrapServers, null, 2_000));
        List<TopicPartition> partitions = java.util.stream.Stream.of(Topics.TASK_EVENTS, Topics.TASKS_READY)
                .flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::poll, "bench-task-events");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                try {
                    add(EventEnvelope.from(record).event());
                } catch (RuntimeException ignored) {
                    // not a task event this benchmark reads
                }
            }
        }
        consumer.close();
    }

    private synchronized void add(TesseraEvent event) {
        if (event instanceof TaskReady r) {
            ready.merge(r.task().taskId() + "#" + r.attempt(), r.readyAt(), (a, b) -> a.isBefore(b) ? a : b);
        } else if (event instanceof TaskStarted s) {
            started.put(s.taskId() + "#" + s.attempt(), s);
        } else if (event instanceof TaskCompleted c) {
            TaskStarted s = started.get(c.taskId() + "#" + c.attempt());
            if (s != null) {
                runs.put(c.taskId(), new TaskRun(c.taskId(), c.workerId(), s.startedAt(), c.completedAt(),
                        c.renderMillis(), ready.get(c.taskId() + "#" + c.attempt())));
            }
        }
    }

    /** The completed runs of tasks whose id starts with {@code jobId}. */
    public synchronized List<TaskRun> runsOf(String jobId) {
        return runs.values().stream().filter(r -> r.taskId().startsWith(jobId)).collect(Collectors.toList());
    }

    /** The first TaskStarted of a task of {@code jobId}, or null. */
    public synchronized Instant firstStart(String jobId) {
        return started.values().stream().filter(s -> s.taskId().startsWith(jobId)).map(TaskStarted::startedAt)
                .min(Instant::compareTo).orElse(null);
    }

    /** How many started attempts of {@code jobId} were seen (more than its tasks means re-runs). */
    public synchronized int attemptsOf(String jobId) {
        return (int) started.keySet().stream().filter(k -> k.startsWith(jobId)).count();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
