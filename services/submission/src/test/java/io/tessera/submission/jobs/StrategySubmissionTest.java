package io.tessera.submission.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.jobs.TileGrid;
import io.tessera.farm.testing.KafkaTestClient;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.submission.TestDb;
import io.tessera.submission.TestJobs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tiles and layers jobs, job dependencies and preview over REST, on a real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class StrategySubmissionTest {

    private static String studio() {
        return "st-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A tiled still: frame 24 of the demo scene at 1920×1080, a 10×10 grid. */
    static ObjectNode tiledStill(String studio) {
        ObjectNode job = TestJobs.valid("tiled-still", studio);
        ((ObjectNode) job.get("scene")).put("width", 1920).put("height", 1080);
        job.putObject("frames").put("start", 24).put("end", 24);
        job.put("strategy", "tiles");
        job.putObject("tiles").put("columns", 10).put("rows", 10);
        return job;
    }

    static ObjectNode layeredFrame(String studio) {
        ObjectNode job = TestJobs.valid("layered-frame", studio);
        job.putObject("frames").put("start", 24).put("end", 24);
        job.put("strategy", "layers");
        job.putArray("passes").add("diffuse").add("specular").add("shadows").add("reflections")
                .add("ambient_occlusion").add("beauty");
        job.put("preview", true);
        return job;
    }

    private static ValidatableResponse post(ObjectNode job) {
        return given().contentType(ContentType.JSON).body(job.toString()).when().post("/api/v1/jobs").then();
    }

    private static JobSubmitted awaitSubmitted(String jobId) {
        String ceId = "job:" + jobId + ":submitted";
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.JOBS,
                r -> ceId.equals(KafkaTestClient.header(r, "ce_id")), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "no " + ceId + " on " + Topics.JOBS);
        return Json.read(records.get(0).value(), JobSubmitted.class);
    }

    @Test
    void acceptsATiledStillAndPublishesItsGrid() {
        String jobId = post(tiledStill(studio())).statusCode(201)
                .body("strategy", equalTo("tiles"))
                .body("tiles.columns", equalTo(10))
                .body("tiles.rows", equalTo(10))
                .body("passes", equalTo(List.of()))
                .body("dependsOn", equalTo(List.of()))
                .body("preview", equalTo(false))
                .body("progress.tasksTotal", equalTo(101))
                .body("progress.parts", equalTo(Map.of()))
                .extract().path("jobId");
        given().when().get("/api/v1/jobs/" + jobId).then().statusCode(200).body("strategy", equalTo("tiles"));

        JobSubmitted event = awaitSubmitted(jobId);
        assertEquals(Strategy.TILES, event.strategy());
        assertEquals(new TileGrid(10, 10, null, null), event.tiles());
        assertEquals(List.of(), event.passes());
        assertEquals(24, event.frameStart());
        assertEquals(24, event.frameEnd());
        assertNull(event.autoChunk());
        assertFalse(event.preview());
        assertTrue(event.scene().contains("1920"));
    }

    @Test
    void acceptsALayeredPreviewFrameAndPublishesItsPasses() {
        List<String> passes = List.of("diffuse", "specular", "shadows", "reflections", "ambient_occlusion", "beauty");
        String jobId = post(layeredFrame(studio())).statusCode(201)
                .body("strategy", equalTo("layers"))
                .body("tiles", equalTo(null))
                .body("passes", equalTo(passes))
                .body("preview", equalTo(true))
                .body("progress.tasksTotal", equalTo(7))
                .extract().path("jobId");

        JobSubmitted event = awaitSubmitted(jobId);
        assertEquals(Strategy.LAYERS, event.strategy());
        assertNull(event.tiles());
        assertEquals(passes, event.passes());
        assertTrue(event.preview());
    }

    @Test
    void acceptsADependencyOnAJobOfTheSameStudio() {
        String studio = studio();
        String first = post(TestJobs.valid("first", studio)).statusCode(201).extract().path("jobId");
        ObjectNode second = TestJobs.valid("second", studio);
        second.putArray("dependsOn").add(first);
        String secondId = post(second).statusCode(201).body("dependsOn", equalTo(List.of(first)))
                .extract().path("jobId");
        assertEquals(List.of(first), awaitSubmitted(secondId).dependsOn());
    }

    static Stream<Arguments> badStrategies() {
        return Stream.of(
                bad("tiles.columns", "must be >= 1", j -> ((ObjectNode) j.get("tiles")).put("columns", 0)),
                bad("tiles.columns", "more tiles than pixels", j -> ((ObjectNode) j.get("tiles")).put("columns", 1921)),
                bad("tiles.rows", "smaller than the minimum tile size of 16 px",
                        j -> ((ObjectNode) j.get("tiles")).put("rows", 100)),
                bad("tasks", "must be at most 10000", j -> j.putObject("frames").put("start", 1).put("end", 100)),
                bad("autoChunk", "is only allowed with strategy frames",
                        j -> j.putObject("autoChunk").put("targetSeconds", 30)),
                bad("passes", "is only allowed with strategy layers",
                        j -> j.put("strategy", "frames").putArray("passes").add("diffuse")));
    }

    static Stream<Arguments> badLayers() {
        return Stream.of(
                bad("passes[2]", "must be one of [diffuse, specular, shadows, reflections, ambient_occlusion, beauty]",
                        j -> j.putArray("passes").add("diffuse").add("specular").add("sparkle")),
                bad("passes", "is required for strategy layers", j -> j.remove("passes")));
    }

    private static Arguments bad(String field, String rule, Consumer<ObjectNode> breakIt) {
        return Arguments.of(field, rule, breakIt);
    }

    @ParameterizedTest(name = "tiles {0}")
    @MethodSource("badStrategies")
    void rejectsBadTiledJobs(String field, String rule, Consumer<ObjectNode> breakIt) {
        String studio = studio();
        ObjectNode job = tiledStill(studio);
        breakIt.accept(job);
        if (job.path("strategy").asText().equals("frames")) {
            job.remove("tiles");
        }
        assertRejected(job, studio, field, rule);
    }

    @ParameterizedTest(name = "layers {0}")
    @MethodSource("badLayers")
    void rejectsBadLayeredJobs(String field, String rule, Consumer<ObjectNode> breakIt) {
        String studio = studio();
        ObjectNode job = layeredFrame(studio);
        breakIt.accept(job);
        assertRejected(job, studio, field, rule);
    }

    @Test
    void rejectsDependenciesOnUnknownJobsOtherStudiosAndItself() {
        String studio = studio();
        String theirs = post(TestJobs.valid("theirs", studio())).statusCode(201).extract().path("jobId");

        ObjectNode unknown = TestJobs.valid("unknown-dep", studio);
        unknown.putArray("dependsOn").add(UUID.randomUUID().toString());
        assertRejected(unknown, studio, "dependsOn[0]", "unknown job");

        ObjectNode otherStudio = TestJobs.valid("other-studio-dep", studio);
        otherStudio.putArray("dependsOn").add(theirs);
        assertRejected(otherStudio, studio, "dependsOn[0]", "belongs to another studio");

        String requestId = "self-" + UUID.randomUUID();
        ObjectNode self = TestJobs.valid("self-dep", studio).put("requestId", requestId);
        self.putArray("dependsOn").add(requestId);
        assertRejected(self, studio, "dependsOn[0]", "a job cannot depend on itself");
    }

    @Test
    void aRepeatedRequestCannotMakeTheJobDependOnItself() {
        String studio = studio();
        String requestId = "again-" + UUID.randomUUID();
        ObjectNode job = TestJobs.valid("again", studio).put("requestId", requestId);
        String jobId = post(job).statusCode(201).extract().path("jobId");
        job.putArray("dependsOn").add(jobId);
        List<Map<String, String>> errors = post(job).statusCode(400).extract().path("errors");
        assertEquals(List.of(Map.of("field", "dependsOn[0]", "rule", "a job cannot depend on itself")), errors);
        assertEquals(1, TestDb.count("select count(*) from submission.job where studio = ?", studio));
        given().when().get("/api/v1/jobs/" + jobId).then().body("dependsOn", equalTo(List.of()));
    }

    private static void assertRejected(ObjectNode job, String studio, String field, String rule) {
        List<Map<String, String>> errors = post(job).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tessera.io/problems/invalid-job"))
                .extract().path("errors");
        assertTrue(errors.stream().anyMatch(e -> e.get("field").equals(field) && e.get("rule").contains(rule)),
                "expected " + field + " / " + rule + " in " + errors);
        assertEquals(0, TestDb.count("select count(*) from submission.job where studio = ?", studio));
        assertEquals(0, TestDb.count("select count(*) from submission.outbox_event where payload like ?",
                "%" + studio + "%"));
    }
}
