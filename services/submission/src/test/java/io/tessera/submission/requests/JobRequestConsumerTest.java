package io.tessera.submission.requests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tessera.contracts.Topics;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.submission.TestDb;
import io.tessera.submission.TestJobs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Pipelines submit plain JSON with any Kafka client; bad records are dead-lettered and the consumer carries on. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class JobRequestConsumerTest {

    @Test
    void deadLettersBadRecordsAndSubmitsTheValidOneOnce() throws InterruptedException {
        String requestId = "pipeline-" + UUID.randomUUID();
        ObjectNode valid = TestJobs.valid("from-kafka", "pipeline-studio").put("requestId", requestId);
        ObjectNode invalid = TestJobs.valid("broken", "pipeline-studio").put("requestId", "bad-" + requestId);
        invalid.putObject("frames").put("start", 10).put("end", 1);
        invalid.put("chunkSize", 0);

        KafkaTestClient.produce(Topics.JOB_REQUESTS, requestId, "this is not { json " + requestId);
        KafkaTestClient.produce(Topics.JOB_REQUESTS, requestId, invalid.toString());
        KafkaTestClient.produce(Topics.JOB_REQUESTS, requestId, valid.toString());

        String jobId = awaitJobFor(requestId);
        given().when().get("/api/v1/jobs/" + jobId).then().statusCode(200);

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.JOB_REQUESTS),
                r -> r.value() != null && r.value().contains(requestId), 2, Duration.ofSeconds(30));
        assertEquals(2, dead.size(), "the non-JSON and the invalid request are dead-lettered");
        String notJsonReason = KafkaTestClient.header(dead.get(0), "dead-letter-reason");
        assertTrue(notJsonReason.startsWith("body: is not valid JSON"), notJsonReason);
        String invalidReason = KafkaTestClient.header(dead.get(1), "dead-letter-reason");
        assertEquals("chunkSize: must be between 1 and 1000; frames.end: must be >= frames.start (10)",
                invalidReason);

        KafkaTestClient.produce(Topics.JOB_REQUESTS, requestId, valid.toString());
        String marker = "after-" + UUID.randomUUID();
        KafkaTestClient.produce(Topics.JOB_REQUESTS, requestId,
                TestJobs.valid("marker", "pipeline-studio").put("requestId", marker).toString());
        awaitJobFor(marker);
        assertEquals(1, TestDb.count("select count(*) from submission.job where request_id = ?", requestId),
                "re-sending the request id created a second job");
        assertEquals(0, TestDb.count("select count(*) from submission.job where request_id = ?", "bad-" + requestId));
        given().queryParam("requestId", requestId).when().get("/api/v1/jobs").then()
                .body("total", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void deadLettersARecordThatIsNotUtf8InsteadOfReplacingItsBytes() {
        String requestId = "latin1-" + UUID.randomUUID();
        ObjectNode request = TestJobs.valid("Caf\u00e9 " + requestId, "pipeline-studio").put("requestId", requestId);
        KafkaTestClient.produceBytes(Topics.JOB_REQUESTS, requestId,
                request.toString().getBytes(StandardCharsets.ISO_8859_1));
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.JOB_REQUESTS),
                r -> r.value() != null && r.value().contains(requestId), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals("body: is not valid UTF-8: JSON text must be encoded in UTF-8 (RFC 8259)",
                KafkaTestClient.header(dead.get(0), "dead-letter-reason"));
        assertEquals(0, TestDb.count("select count(*) from submission.job where request_id = ?", requestId));
    }

    @Test
    void requiresARequestIdOnKafka() {
        ObjectNode anonymous = TestJobs.valid("anonymous-" + UUID.randomUUID(), "pipeline-studio");
        KafkaTestClient.produce(Topics.JOB_REQUESTS, null, anonymous.toString());
        String name = anonymous.path("name").asText();
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.JOB_REQUESTS),
                r -> r.value() != null && r.value().contains(name), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals("requestId: is required on Kafka so the request can be correlated",
                KafkaTestClient.header(dead.get(0), "dead-letter-reason"));
    }

    private static String awaitJobFor(String requestId) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            List<String> ids = given().queryParam("requestId", requestId).when().get("/api/v1/jobs").then()
                    .statusCode(200).extract().path("items.jobId");
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no job appeared for request " + requestId);
    }

    @Test
    void deadLettersARequestDependingOnAnUnknownJob() {
        String requestId = "dep-" + UUID.randomUUID();
        String ghost = UUID.randomUUID().toString();
        ObjectNode request = TestJobs.valid("dependent", "pipeline-studio").put("requestId", requestId);
        request.putArray("dependsOn").add(ghost);
        KafkaTestClient.produce(Topics.JOB_REQUESTS, requestId, request.toString());
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.dlq(Topics.JOB_REQUESTS),
                r -> r.value() != null && r.value().contains(requestId), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals("dependsOn[0]: unknown job '" + ghost + "'",
                KafkaTestClient.header(dead.get(0), "dead-letter-reason"));
        assertEquals(0, TestDb.count("select count(*) from submission.job where request_id = ?", requestId));
    }
}
