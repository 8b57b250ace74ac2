package io.tessera.submission.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRequestReaderTest {

    private static Violation onlyViolation(String json) {
        List<Violation> violations = assertThrows(InvalidJobRequestException.class,
                () -> JobRequestReader.read(json)).violations();
        assertEquals(1, violations.size(), violations.toString());
        return violations.get(0);
    }

    @Test
    void readsTheCapabilityAsText() {
        JobRequestInput input = JobRequestReader.read("{\"requirements\":{\"capability\":\"tpu\"}}");
        assertEquals("tpu", input.requirements().capability());
    }

    @Test
    void rejectsTextThatIsNotJson() {
        Violation v = onlyViolation("this is not { json");
        assertEquals("body", v.field());
        assertTrue(v.rule().startsWith("is not valid JSON"), v.rule());
        assertEquals("body", onlyViolation("{\"name\": ").field());
    }

    @Test
    void rejectsEmptyAndNonObjectBodies() {
        assertEquals(new Violation("body", "must be a JSON object"), onlyViolation("[1,2]"));
        assertEquals("body", onlyViolation("").field());
    }

    @Test
    void namesTheFieldOfAWrongType() {
        assertEquals(new Violation("frames.start", "must be an integer"),
                onlyViolation("{\"frames\":{\"start\":\"one\",\"end\":3}}"));
        assertEquals(new Violation("chunkSize", "must be an integer"), onlyViolation("{\"chunkSize\":1.5}"));
        assertEquals(new Violation("frames", "must be a JSON object"), onlyViolation("{\"frames\":[1,2]}"));
        assertEquals(new Violation("name", "must be a string"), onlyViolation("{\"name\":{\"a\":1}}"));
    }

    @Test
    void rejectsBytesThatAreNotUtf8InsteadOfReplacingThem() {
        byte[] latin1 = "{\"name\":\"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = "{\"name\":\"shot\"}".getBytes(StandardCharsets.UTF_16);
        for (byte[] body : List.of(latin1, utf16)) {
            List<Violation> violations = assertThrows(InvalidJobRequestException.class,
                    () -> JobRequestReader.read(body)).violations();
            assertEquals(List.of(new Violation("body",
                    "is not valid UTF-8: JSON text must be encoded in UTF-8 (RFC 8259)")), violations);
        }
    }

    @Test
    void readsUtf8Bytes() {
        byte[] utf8 = "{\"name\":\"Caf\u00e9 \u2013 shot 010\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("Caf\u00e9 \u2013 shot 010", JobRequestReader.read(utf8).name());
        assertEquals("body", assertThrows(InvalidJobRequestException.class,
                () -> JobRequestReader.read((byte[]) null)).violations().get(0).field());
    }
}
