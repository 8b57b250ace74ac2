package io.tessera.renderer.scene;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Typed, path-aware reads of one JSON object; every failure is a {@link SceneException} naming the field. */
final class JsonFields {

    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Wraps {@code node}, which must be a JSON object, found at {@code path}. */
    static JsonFields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new SceneException(path.isEmpty() ? "$" : path, "must be an object");
        }
        return new JsonFields(node, path);
    }

    String path() {
        return path;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    SceneException error(String name, String rule) {
        return new SceneException(path(name), rule);
    }

    Iterator<String> fieldNamesInOrder() {
        return node.fieldNames();
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    /** Rejects any field not in {@code allowed} (catches typos such as {@code raduis}). */
    void allowOnly(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(name, "unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    JsonNode required(String name) {
        if (!has(name)) {
            throw error(name, "is required");
        }
        return node.get(name);
    }

    JsonFields object(String name) {
        return of(required(name), path(name));
    }

    String text(String name) {
        JsonNode v = required(name);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw error(name, "must be a non-empty string");
        }
        return v.asText();
    }

    String text(String name, String fallback) {
        return has(name) ? text(name) : fallback;
    }

    int integer(String name, int min, int max) {
        return toInteger(required(name), path(name), min, max);
    }

    int integer(String name, int fallback, int min, int max) {
        return has(name) ? integer(name, min, max) : fallback;
    }

    double number(String name) {
        return toNumber(required(name), path(name));
    }

    double number(String name, double fallback) {
        return has(name) ? number(name) : fallback;
    }

    /** A number in [min, max]. */
    double between(String name, double fallback, double min, double max) {
        double v = number(name, fallback);
        if (v < min || v > max) {
            throw error(name, "must be between " + fmt(min) + " and " + fmt(max));
        }
        return v;
    }

    double positive(String name) {
        double v = number(name);
        if (v <= 0) {
            throw error(name, "must be > 0");
        }
        return v;
    }

    double nonNegative(String name, double fallback) {
        double v = number(name, fallback);
        if (v < 0) {
            throw error(name, "must be >= 0");
        }
        return v;
    }

    Vec3 vector(String name) {
        return toVector(required(name), path(name));
    }

    Vec3 vector(String name, Vec3 fallback) {
        return has(name) ? vector(name) : fallback;
    }

    /** A non-zero vector. */
    Vec3 direction(String name) {
        Vec3 v = vector(name);
        if (v.length() == 0) {
            throw error(name, "must not be the zero vector");
        }
        return v;
    }

    Vec3 color(String name, Vec3 fallback) {
        return has(name) ? toColor(required(name), path(name)) : fallback;
    }

    /** The elements of an array field, each of which must be an object. */
    List<JsonFields> objects(String name, boolean required) {
        if (!has(name)) {
            if (required) {
                throw error(name, "is required");
            }
            return List.of();
        }
        JsonNode v = node.get(name);
        if (!v.isArray()) {
            throw error(name, "must be an array");
        }
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(of(v.get(i), path(name) + "[" + i + "]"));
        }
        return out;
    }

    static int toInteger(JsonNode v, String path, int min, int max) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new SceneException(path, "must be an integer");
        }
        int i = v.intValue();
        if (i < min || i > max) {
            throw new SceneException(path, max == Integer.MAX_VALUE ? "must be >= " + min
                    : "must be between " + min + " and " + max);
        }
        return i;
    }

    static double toNumber(JsonNode v, String path) {
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new SceneException(path, "must be a number");
        }
        return v.doubleValue();
    }

    static Vec3 toVector(JsonNode v, String path) {
        if (v == null || !v.isArray() || v.size() != 3) {
            throw new SceneException(path, "must be an array of 3 numbers");
        }
        return new Vec3(toNumber(v.get(0), path + "[0]"), toNumber(v.get(1), path + "[1]"),
                toNumber(v.get(2), path + "[2]"));
    }

    static Vec3 toColor(JsonNode v, String path) {
        Vec3 c = toVector(v, path);
        if (c.x() < 0 || c.y() < 0 || c.z() < 0) {
            throw new SceneException(path, "colour components must be >= 0");
        }
        return c;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
