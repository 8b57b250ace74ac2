package io.tessera.worker.component;

import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.workers.WorkerHeartbeat;
import io.tessera.farm.testing.KafkaTestClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads what workers published: a task's events on {@code farm.task-events.v1}, heartbeats on {@code farm.workers.v1}. */
final class TaskEvents {

    static final String STARTED = "io.tessera.TaskStarted";
    static final String PROGRESS = "io.tessera.TaskProgress";
    static final String COMPLETED = "io.tessera.TaskCompleted";
    static final String FAILED = "io.tessera.TaskFailed";

    private TaskEvents() {
    }

    /** The task's events until one of {@code types} arrived; fails after {@code timeout}. */
    static List<ConsumerRecord<String, String>> until(String taskId, Duration timeout, String... types) {
        List<String> wanted = List.of(types);
        return KafkaTestClient.readUntil(Topics.TASK_EVENTS, r -> taskId.equals(subject(r)),
                found -> types(found).stream().anyMatch(wanted::contains), timeout);
    }

    /** The task's events until its TaskCompleted or TaskFailed. */
    static List<ConsumerRecord<String, String>> untilFinal(String taskId, Duration timeout) {
        return until(taskId, timeout, COMPLETED, FAILED);
    }

    /** Every event of the task the topic holds now. */
    static List<ConsumerRecord<String, String>> all(String taskId) {
        return KafkaTestClient.readAll(Topics.TASK_EVENTS).stream().filter(r -> taskId.equals(subject(r))).toList();
    }

    /** The last record of {@code events}, which must be of {@code type}, read as {@code as}. */
    static <T> T last(List<ConsumerRecord<String, String>> events, String type, Class<T> as) {
        ConsumerRecord<String, String> last = events.get(events.size() - 1);
        if (!type.equals(KafkaTestClient.header(last, "ce_type"))) {
            throw new AssertionError("expected " + type + " last, got " + types(events) + ": " + last.value());
        }
        return Json.read(last.value(), as);
    }

    /** The ce_types of {@code records}, in order. */
    static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> KafkaTestClient.header(r, "ce_type")).toList();
    }

    /** The heartbeats of {@code workerId} until one passes {@code done}; fails after {@code timeout}. */
    static List<WorkerHeartbeat> heartbeatsUntil(String workerId, Predicate<WorkerHeartbeat> done,
                                                 Duration timeout) {
        return KafkaTestClient.readUntil(Topics.WORKERS, r -> workerId.equals(r.key()),
                found -> found.stream().map(TaskEvents::beat).anyMatch(done), timeout)
                .stream().map(TaskEvents::beat).toList();
    }

    private static WorkerHeartbeat beat(ConsumerRecord<String, String> record) {
        return Json.read(record.value(), WorkerHeartbeat.class);
    }

    private static String subject(ConsumerRecord<String, String> record) {
        return KafkaTestClient.header(record, "ce_subject");
    }
}
