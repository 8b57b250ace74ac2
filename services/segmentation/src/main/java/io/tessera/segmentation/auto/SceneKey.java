package io.tessera.segmentation.auto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.contracts.Capability;
import io.tessera.contracts.envelope.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * The key of the frame-time history: SHA-256 (hex) of the scene in canonical JSON (object keys sorted at every
 * level, no whitespace) followed by a newline and the capability id. The scene holds the resolution
 * ({@code width}, {@code height}) and everything else that decides how long a frame takes, so two jobs share history
 * exactly when they render the same scene on the same kind of worker, however the JSON was formatted.
 */
public final class SceneKey {

    private SceneKey() {
    }

    /** The history key of {@code sceneJson} rendered on {@code capability}. */
    public static String of(String sceneJson, Capability capability) {
        String canonical;
        try {
            canonical = canonical(Json.MAPPER.readTree(sceneJson));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            canonical = sceneJson == null ? "" : sceneJson;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((canonical + "\n" + capability.id()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** {@code node} as JSON text with the fields of every object in key order. */
    static String canonical(JsonNode node) {
        if (node == null) {
            return "null";
        }
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            Iterator<String> names = node.fieldNames();
            names.forEachRemaining(name -> fields.put(name, node.get(name)));
            StringBuilder out = new StringBuilder("{");
            fields.forEach((name, value) -> {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(Json.MAPPER.getNodeFactory().textNode(name).toString())
                        .append(':').append(canonical(value));
            });
            return out.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(canonical(node.get(i)));
            }
            return out.append(']').toString();
        }
        return node.toString();
    }
}
