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
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    void backlogStartsAWorkerProcessAndAnIdleQueueStopsIt() {
        send(status(5));
        ConsumerRecord<String, String> started = KafkaTestClient.await(Topics.PROVISIONING,
                r -> r.value().contains("\"STARTED\""), WAIT);
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
        ConsumerRecord<String, String> stopped = KafkaTestClient.await(Topics.PROVISIONING,
                r -> r.value().contains("\"STOPPED\""), WAIT);
        WorkerScaled stopEvent = EventEnvelope.from(stopped).event(WorkerScaled.class);
        assertEquals(workerId, stopEvent.workerId());
        assertTrue(stopEvent.reason().startsWith("no queued task"), stopEvent.reason());
        assertTrue(find(workerId).isEmpty(), "worker process " + workerId + " is gone");
    }

    @Test
    void invalidRecordsGoToTheDeadLetterTopicWithAReason() {
        String dlq = Topics.dlq(Topics.FARM_STATUS);
        String garbage = "garbage-" + UUID.randomUUID();
        KafkaTestClient.produce(Topics.FARM_STATUS, "cpu", garbage);
        ConsumerRecord<String, String> dead = KafkaTestClient.await(dlq, r -> garbage.equals(r.value()), WAIT);
        String reason = EventEnvelope.header(dead.headers(), CloudEventHeaders.DEAD_LETTER_REASON);
        assertNotNull(reason);
        assertTrue(reason.contains("ce_id"), reason);

        FarmStatus negative = new FarmStatus(Capability.GPU, -1, 0, 0, 0, 0, Instant.now());
        KafkaTestClient.produce(Topics.FARM_STATUS, "gpu", UUID.randomUUID().toString(), negative);
        ConsumerRecord<String, String> deadStatus = KafkaTestClient.await(dlq,
                r -> r.value().contains("\"queuedTasks\":-1"), WAIT);
        String statusReason = EventEnvelope.header(deadStatus.headers(), CloudEventHeaders.DEAD_LETTER_REASON);
        assertTrue(statusReason.contains("queuedTasks: must be >= 0"), statusReason);
    }

    private static FarmStatus status(int queued) {
        return new FarmStatus(Capability.CPU, queued, 0, 0, 0, 0, Instant.now());
    }

    private static void send(FarmStatus status) {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), "/tessera/monitoring", status);
        KafkaTestClient.produce(envelope.toRecord(Topics.FARM_STATUS, status.capability().id()));
    }

    private static Optional<ProcessHandle> find(String workerId) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine()
                        .map(c -> c.contains("SleepingWorker") && c.contains("-Dtessera.worker.id=" + workerId))
                        .orElse(false))
                .findFirst();
    }
}
