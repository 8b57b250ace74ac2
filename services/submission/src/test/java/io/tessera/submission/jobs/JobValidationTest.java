package io.tessera.submission.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tessera.farm.testing.RealInfrastructure;
import io.tessera.submission.TestDb;
import io.tessera.submission.TestJobs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid request is a 400 problem naming the field and the rule, and nothing is persisted. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class JobValidationTest {

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("frames.end", "must be >= frames.start (10)",
                        j -> j.putObject("frames").put("start", 10).put("end", 1)),
                bad("frames", "at most 100000", j -> j.putObject("frames").put("start", 1).put("end", 50_000_000)),
                bad("frames.start", "must be an integer",
                        j -> j.putObject("frames").put("start", "one").put("end", 3)),
                bad("chunkSize", "between 1 and 1000", j -> j.put("chunkSize", 0)),
                bad("tasks", "at most 10000", j -> {
                    j.putObject("frames").put("start", 1).put("end", 60_000);
                    j.put("chunkSize", 1);
                }),
                bad("requirements.capability", "[cpu, gpu]",
                        j -> j.putObject("requirements").put("capability", "tpu")),
                bad("requirements.minCores", "> 0", j -> ((ObjectNode) j.get("requirements")).put("minCores", 0)),
                bad("scene.camera", "", j -> ((ObjectNode) j.get("scene")).remove("camera")),
                bad("scene", "is required", j -> j.remove("scene")),
                bad("output", "inside the output root", j -> j.put("output", "../../etc")),
                bad("output", "relative", j -> j.put("output", "/etc")),
                bad("name", "is required", j -> j.remove("name")),
                bad("studio", "[A-Za-z0-9._-]", j -> j.put("studio", "bad studio!")),
                bad("priority", "between 0 and 100", j -> j.put("priority", 101)),
                bad("requestId", "[A-Za-z0-9._:-]", j -> j.put("requestId", "white space")));
    }

    private static Arguments bad(String field, String rule, Consumer<ObjectNode> breakIt) {
        return Arguments.of(field, rule, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void rejectsAndPersistsNothing(String field, String rule, Consumer<ObjectNode> breakIt) {
        String studio = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode job = TestJobs.valid("bad", studio);
        breakIt.accept(job);
        if ("studio".equals(field)) {
            studio = job.path("studio").asText();
        }
        long jobsBefore = TestDb.count("select count(*) from submission.job");

        List<Map<String, String>> errors = problem(job.toString());

        assertTrue(errors.stream().anyMatch(e -> e.get("field").equals(field) && e.get("rule").contains(rule)),
                "expected " + field + " / " + rule + " in " + errors);
        assertEquals(0, TestDb.count("select count(*) from submission.job where studio = ?", studio));
        assertEquals(jobsBefore, TestDb.count("select count(*) from submission.job"));
        assertEquals(0, TestDb.count("select count(*) from submission.outbox_event where payload like ?",
                "%" + studio + "%"));
    }

    @Test
    void reportsEveryViolationAtOnce() {
        ObjectNode job = TestJobs.valid("bad", "acme");
        job.putObject("frames").put("start", 1).put("end", 0);
        job.put("chunkSize", 5000);
        ExtractableResponse<Response> response = post(job.toString());
        assertEquals("2 fields are invalid", response.path("detail"));
        assertEquals(List.of(Map.of("field", "chunkSize", "rule", "must be between 1 and 1000"),
                Map.of("field", "frames.end", "rule", "must be >= frames.start (1)")), response.path("errors"));
    }

    @Test
    void rejectsTextThatIsNotJson() {
        List<Map<String, String>> errors = problem("{\"name\": ");
        assertEquals("body", errors.get(0).get("field"));
        assertFalse(errors.get(0).get("rule").isBlank());
        assertEquals("body", problem("").get(0).get("field"));
        assertEquals("body", problem("[1]").get(0).get("field"));
    }

    @Test
    void rejectsABodyThatIsNotUtf8InsteadOfReplacingItsBytes() {
        String studio = "latin1-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] latin1 = TestJobs.valid("Caf\u00e9", studio).toString().getBytes(StandardCharsets.ISO_8859_1);
        ExtractableResponse<Response> response = given().contentType(ContentType.JSON).body(latin1)
                .when().post("/api/v1/jobs").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract();
        assertEquals(List.of(Map.of("field", "body",
                "rule", "is not valid UTF-8: JSON text must be encoded in UTF-8 (RFC 8259)")), response.path("errors"));
        assertEquals(0, TestDb.count("select count(*) from submission.job where studio = ?", studio));
    }

    private static List<Map<String, String>> problem(String body) {
        return post(body).path("errors");
    }

    private static ExtractableResponse<Response> post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/jobs").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tessera.io/problems/invalid-job"))
                .body("title", equalTo("Invalid job request"))
                .body("status", equalTo(400))
                .extract();
    }
}
