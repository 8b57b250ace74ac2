package io.tessera.submission.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.tessera.contracts.envelope.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the JSON text of a job request (REST body or Kafka record value) into a {@link JobRequestInput}.
 * Bytes that are not UTF-8 (RFC 8259: JSON exchanged between systems is UTF-8), text that is not JSON, not an
 * object, or holds a value of the wrong type is reported as a violation naming the field, never as a server error
 * and never decoded leniently into replacement characters.
 */
public final class JobRequestReader {

    /** The field name used when the whole body or record value is at fault. */
    public static final String BODY = "body";

    private static final ObjectMapper MAPPER = strictMapper();

    private JobRequestReader() {
    }

    /**
     * Decodes {@code utf8} strictly as UTF-8, then parses it like {@link #read(String)}.
     *
     * @throws InvalidJobRequestException naming the body when the bytes are not UTF-8, else as {@link #read(String)}
     */
    public static JobRequestInput read(byte[] utf8) {
        if (utf8 == null) {
            return read((String) null);
        }
        try {
            return read(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString());
        } catch (CharacterCodingException e) {
            throw invalid(BODY, "is not valid UTF-8: JSON text must be encoded in UTF-8 (RFC 8259)");
        }
    }

    /**
     * Parses {@code json}.
     *
     * @throws InvalidJobRequestException with one violation when the text is not a JSON object of the right shape
     */
    public static JobRequestInput read(String json) {
        if (json == null || json.isBlank()) {
            throw invalid(BODY, "is required: a JSON job request");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(BODY, "is not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw invalid(BODY, "must be a JSON object");
        }
        try {
            return MAPPER.treeToValue(tree, JobRequestInput.class);
        } catch (MismatchedInputException e) {
            throw invalid(path(e), "must be " + expected(e.getTargetType()));
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException mapping ? path(mapping) : BODY;
            throw invalid(field, "has an invalid value: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = Json.MAPPER.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    private static String path(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        if (refs.isEmpty()) {
            return BODY;
        }
        return refs.stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .substring(1);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static InvalidJobRequestException invalid(String field, String rule) {
        return new InvalidJobRequestException(List.of(new Violation(field, rule)));
    }
}
