package io.tessera.farm.bench;

import io.tessera.contracts.Topics;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a job's first task spends its way to a worker: reads the topics a new job crosses (from their end, without a
 * consumer group) and keeps the broker timestamp of the first record each topic carries for a key. Every key on
 * these topics is a job id or a task id, and task ids start with their job id, so a job's hop is the earliest record
 * whose key starts with the job id. Meant for the latency phase's one-task jobs, not for large jobs.
 */
public final class HopTimes implements AutoCloseable {

    /** The hops in the order a new job crosses them, each named by the service that wrote it. */
    public static final Map<String, String> HOPS = hops();

    private final Map<String, Map<String, Long>> firstByTopic = new HashMap<>();
    private final TopicTail tail;

    public HopTimes(String bootstrapServers) {
        tail = new TopicTail(bootstrapServers, List.copyOf(HOPS.keySet()), "bench-hop-times", record -> {
            if (record.key() != null) {
                synchronized (this) {
                    firstByTopic.computeIfAbsent(record.topic(), t -> new HashMap<>())
                            .merge(record.key(), record.timestamp(), Math::min);
                }
            }
        });
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
        tail.close();
    }
}
