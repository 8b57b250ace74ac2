package io.tessera.provisioning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.CloudEventHeaders;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.status.FarmStatus;
import io.tessera.contracts.status.WorkerScaled;
import io.tessera.farm.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Provisioning against a real Kafka broker: a backlog starts a real (sleeping) worker process, an idle queue
 * stops it again, and a garbage record is dead-lettered with its reason.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class ProvisioningComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void backlogStartsAWorkerProcessAndAnIdleQueueStopsIt() throws Exception {
        try (KafkaConsumer<String, String> scaled = consumer(Topics.PROVISIONING)) {
            send(status(5));
            ConsumerRecord<String, String> started = await(scaled, r -> r.value().contains("\"STARTED\""));
            assertEquals("cpu", started.key());
            assertEquals("io.tessera.WorkerScaled", EventEnvelope.header(started.headers(), CloudEventHeaders.TYPE));
            WorkerScaled startEvent = EventEnvelope.from(started).event(WorkerScaled.class);
            assertEquals(Capability.CPU, startEvent.capability());
            String workerId = startEvent.workerId();
            assertEquals("cpu-auto-1", workerId);
            assertTrue(startEvent.reason().contains("queued=5"), startEvent.reason());
            assertTrue(find(workerId).isPresent(), "worker process " + workerId + " is alive");

            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("tessera_provisioned_workers{capability=\"cpu\""))
                    .body(containsString("tessera_provisioning_actions_total{action=\"STARTED\",capability=\"cpu\""));

            send(status(0));
            ConsumerRecord<String, String> stopped = await(scaled, r -> r.value().contains("\"STOPPED\""));
            WorkerScaled stopEvent = EventEnvelope.from(stopped).event(WorkerScaled.class);
            assertEquals(workerId, stopEvent.workerId());
            assertTrue(stopEvent.reason().startsWith("no queued task"), stopEvent.reason());
            assertTrue(find(workerId).isEmpty(), "worker process " + workerId + " is gone");
        }
    }

    @Test
    void invalidRecordsGoToTheDeadLetterTopicWithAReason() throws Exception {
        try (KafkaConsumer<String, String> dlq = consumer(Topics.dlq(Topics.FARM_STATUS))) {
            String garbage = "garbage-" + UUID.randomUUID();
            producer().send(new ProducerRecord<>(Topics.FARM_STATUS, "cpu", garbage)).get();
            ConsumerRecord<String, String> dead = await(dlq, r -> garbage.equals(r.value()));
            String reason = EventEnvelope.header(dead.headers(), CloudEventHeaders.DEAD_LETTER_REASON);
            assertNotNull(reason);
            assertTrue(reason.contains("ce_id"), reason);

            FarmStatus negative = new FarmStatus(Capability.GPU, -1, 0, 0, 0, 0, Instant.now());
            ProducerRecord<String, String> record = EventEnvelope.of(UUID.randomUUID().toString(), "/tessera/test",
                    negative).toRecord(Topics.FARM_STATUS, "gpu");
            producer().send(record).get();
            ConsumerRecord<String, String> deadStatus = await(dlq, r -> r.value().contains("\"queuedTasks\":-1"));
            String statusReason = EventEnvelope.header(deadStatus.headers(), CloudEventHeaders.DEAD_LETTER_REASON);
            assertTrue(statusReason.contains("queuedTasks: must be >= 0"), statusReason);
        }
    }

    private static FarmStatus status(int queued) {
        return new FarmStatus(Capability.CPU, queued, 0, 0, 0, 0, Instant.now());
    }

    private static void send(FarmStatus status) throws Exception {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), "/tessera/monitoring", status);
        producer().send(envelope.toRecord(Topics.FARM_STATUS, status.capability().id())).get();
    }

    private static Optional<ProcessHandle> find(String workerId) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine()
                        .map(c -> c.contains("SleepingWorker") && c.contains("-Dtessera.worker.id=" + workerId))
                        .orElse(false))
                .findFirst();
    }

    private static KafkaProducer<String, String> producer;

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false"),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static ConsumerRecord<String, String> await(KafkaConsumer<String, String> consumer,
                                                        Predicate<ConsumerRecord<String, String>> match) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (match.test(record)) {
                    return record;
                }
            }
        }
        throw new AssertionError("no matching record within " + WAIT);
    }
}
