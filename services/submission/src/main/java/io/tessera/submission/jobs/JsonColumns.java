package io.tessera.submission.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.tessera.contracts.envelope.Json;
import io.tessera.contracts.status.PartProgress;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the JSON text columns of the read models (lists of ids, counts, progress per part). */
public final class JsonColumns {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, PartProgress>> PARTS = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    /** A list of strings as a JSON array. */
    public static String strings(List<String> values) {
        return Json.write(values == null ? List.of() : values);
    }

    /** A JSON array of strings; empty for null or blank text. */
    public static List<String> strings(String json) {
        return read(json, STRINGS, List.of());
    }

    /** Task counts by state from their stored JSON form. */
    public static Map<String, Integer> counts(String json) {
        return read(json, COUNTS, Map.of());
    }

    /** Progress per part from its stored JSON form. */
    public static Map<String, PartProgress> parts(String json) {
        return read(json, PARTS, Map.of());
    }

    private static <T> T read(String json, TypeReference<? extends T> type, T empty) {
        if (json == null || json.isBlank()) {
            return empty;
        }
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
