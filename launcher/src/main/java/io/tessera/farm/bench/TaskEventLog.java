package io.tessera.farm.bench;

import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskReady;
import io.tessera.contracts.tasks.TaskStarted;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code farm.task-events.v1} and {@code farm.tasks.ready.v1} from their end, on its own thread, without a
 * consumer group (it changes nothing), and pairs each task's TaskStarted with its TaskCompleted and the TaskReady of
 * that attempt: the runs the benchmark measures.
 */
public final class TaskEventLog implements AutoCloseable {

    private final Map<String, TaskStarted> started = new HashMap<>();
    private final Map<String, Instant> ready = new HashMap<>();
    private final Map<String, TaskRun> runs = new HashMap<>();
    private final TopicTail tail;

    public TaskEventLog(String bootstrapServers) {
        tail = new TopicTail(bootstrapServers, List.of(Topics.TASK_EVENTS, Topics.TASKS_READY), "bench-task-events",
                record -> {
                    try {
                        add(EventEnvelope.from(record).event());
                    } catch (RuntimeException ignored) {
                        // not a task event this benchmark reads
                    }
                });
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
        tail.close();
    }
}
