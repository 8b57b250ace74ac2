package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * (b) An existing pipeline produces a plain JSON job request with the plain kafka-clients producer; the job runs as
 * if submitted over REST and re-sending the same request id creates no second job. (e) Bad records go to the dead
 * letter topic with a reason and the consumer keeps going.
 */
@ExtendWith(E2eFarm.class)
class KafkaRequestTest {

    @Test
    void aPipelineRequestRunsExactlyOnceAndBadRecordsAreDeadLettered() throws Exception {
        String bootstrap = E2eFarm.farm().bootstrapServers();
        JobsApi api = E2eFarm.api();
        String requestId = "pipeline-" + UUID.randomUUID();
        ObjectNode request = JobsApi.demoJob("from-kafka", "cpu", 1, 8, 4, 160, 90);
        request.put("requestId", requestId);
        ObjectNode invalid = JobsApi.demoJob("broken", "cpu", 10, 1, 0, 160, 90);
        invalid.put("requestId", "bad-" + requestId);

        TopicReader.produce(bootstrap, Topics.JOB_REQUESTS, requestId, "this is not { json " + requestId);
        TopicReader.produce(bootstrap, Topics.JOB_REQUESTS, requestId, invalid.toString());
        TopicReader.produce(bootstrap, Topics.JOB_REQUESTS, requestId, request.toString());

        String jobId = api.awaitRequest(requestId);
        JsonNode job = api.awaitTerminal(jobId, Duration.ofMinutes(3));
        assertEquals("COMPLETED", job.path("state").asText(), job.toString());
        RenderedFrames.assertComplete(Path.of(job.path("outputDir").asText()), 1, 8, 160, 90);

        TopicReader.produce(bootstrap, Topics.JOB_REQUESTS, requestId, request.toString());
        List<ConsumerRecord<String, String>> dead = TopicReader.await(bootstrap, Topics.dlq(Topics.JOB_REQUESTS),
                r -> r.value() != null && r.value().contains(requestId), 2, Duration.ofSeconds(30));
        assertEquals(2, dead.size(), "the non-JSON and the invalid request are dead-lettered");
        for (ConsumerRecord<String, String> record : dead) {
            assertNotNull(TopicReader.header(record, "dead-letter-reason"), "reason header on " + record.value());
        }
        String invalidReason = TopicReader.header(dead.get(1), "dead-letter-reason");
        assertTrue(invalidReason.contains("frames.end") && invalidReason.contains("chunkSize"), invalidReason);

        JsonNode sameRequest = api.get("/api/v1/jobs?requestId=" + requestId).json();
        assertEquals(1, sameRequest.path("total").asInt(), "re-sending the request id created a second job");
        assertEquals(0, api.get("/api/v1/jobs?requestId=bad-" + requestId).json().path("total").asInt());
    }
}
