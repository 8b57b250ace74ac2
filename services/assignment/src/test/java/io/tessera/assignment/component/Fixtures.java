package io.tessera.assignment.component;

import static io.restassured.RestAssured.given;

import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.tasks.TaskEvent;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.contracts.tasks.TaskReady;
import io.tessera.contracts.workers.WorkerHeartbeat;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Events, records and database look-ups the assignment component tests share. */
final class Fixtures {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Duration SETTLE = Duration.ofSeconds(2);
    /** More cores than any test worker has: such a task stays queued. */
    static final int UNPLACEABLE_CORES = 1_000_000;

    private Fixtures() {
    }

    static TaskPlanned task(String jobId, Requirements requirements, int priority) {
        return new TaskPlanned(jobId + "-t00000", jobId, 0, 1, 1, 2, requirements, priority, "{}", "/out/" + jobId);
    }

    static TaskPlanned task(String jobId, Capability capability, Integer minCores, int priority) {
        return task(jobId, new Requirements(capability, minCores, null), priority);
    }

    static String newJob() {
        return "job-" + UUID.randomUUID();
    }

    static void ready(TaskPlanned task, int attempt) {
        produce("task:" + task.taskId() + ":" + attempt + ":ready", "/tessera/monitoring",
                new TaskReady(task, attempt, Instant.now()), Topics.TASKS_READY, task.jobId());
    }

    static void taskEvent(TaskEvent event, String kind) {
        produce("task:" + event.taskId() + ":" + event.attempt() + ":" + kind, "/tessera/worker", event,
                Topics.TASK_EVENTS, event.jobId());
    }

    static void beat(WorkerHeartbeat beat) {
        produce(UUID.randomUUID().toString(), "/tessera/worker", beat, Topics.WORKERS, beat.workerId());
    }

    static WorkerHeartbeat worker(String id, Capability capability, int slots, int cores, double score,
                                  List<Integer> partitions, String state) {
        return new WorkerHeartbeat(id, capability, slots, slots, cores, 16_000, List.of(), "none", List.of(), "host",
                1, state, Instant.now(), score, partitions);
    }

    static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    static void produce(String id, String source, TesseraEvent event, String topic, String key) {
        KafkaTestClient.produce(EventEnvelope.of(id, source, event).toRecord(topic, key));
    }

    static List<ConsumerRecord<String, String>> dispatched(String topic, String taskId, Duration timeout) {
        return KafkaTestClient.read(topic, r -> taskId.equals(r.key()), 1, timeout, SETTLE);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return EventEnvelope.header(record.headers(), name);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static boolean workerRegistered(String workerId, double score) {
        return given().get("/api/v1/workers").then().extract().jsonPath()
                .getList("findAll { it.workerId == '" + workerId + "' && it.score == " + score + " }").size() == 1;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(RealInfrastructure.shared().jdbcUrl(), "tessera", "tessera");
    }

    /** The rows of a one-parameter query, each as its columns' text. */
    static List<List<String>> rows(String sql, String parameter) {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                List<List<String>> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rows.getString(i));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attempts of {@code taskId} waiting in the queue (empty or one). */
    static List<String> pending(String taskId) {
        return rows("select attempt from assignment.pending_task where task_id = ?", taskId).stream()
                .map(row -> row.get(0)).toList();
    }

    /** The worker a task's open attempt was dispatched to, or none. */
    static List<String> dispatchedTo(String taskId) {
        return rows("select worker_id from assignment.dispatched_task where task_id = ?", taskId).stream()
                .map(row -> row.get(0)).toList();
    }
}
