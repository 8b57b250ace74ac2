package io.tessera.renderer.scene;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses the {@code animation} block and checks every track against the objects, lights and camera. */
final class AnimationParser {

    /** What an animated value must be. */
    private enum Kind { VECTOR, COLOR, POSITIVE, NON_NEGATIVE, FOV }

    private static final Map<String, Kind> CAMERA = Map.of("position", Kind.VECTOR, "lookAt", Kind.VECTOR,
            "fov", Kind.FOV);
    private static final Map<String, Kind> SPHERE = Map.of("center", Kind.VECTOR, "radius", Kind.POSITIVE);
    private static final Map<String, Kind> PLANE = Map.of("point", Kind.VECTOR);
    private static final Map<String, Kind> POINT = Map.of("position", Kind.VECTOR, "color", Kind.COLOR,
            "intensity", Kind.NON_NEGATIVE);
    private static final Map<String, Kind> AREA = Map.of("corner", Kind.VECTOR, "color", Kind.COLOR,
            "intensity", Kind.NON_NEGATIVE);

    private final Map<String, Map<String, Kind>> targets = new HashMap<>();

    AnimationParser(List<SceneObject> objects, List<Light> lights) {
        targets.put("camera", CAMERA);
        for (SceneObject o : objects) {
            targets.put(o.id(), o instanceof Sphere ? SPHERE : PLANE);
        }
        for (Light l : lights) {
            targets.put(l.id(), l instanceof PointLight ? POINT : AREA);
        }
    }

    Animation parse(JsonFields a) {
        a.allowOnly(Set.of("frameStart", "frameEnd", "tracks"));
        int start = a.integer("frameStart", 1, 0, 1_000_000);
        int end = a.integer("frameEnd", start, 0, 1_000_000);
        if (end < start) {
            throw a.error("frameEnd", "must be >= frameStart (" + start + ")");
        }
        List<Track> tracks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonFields t : a.objects("tracks", false)) {
            Track track = track(t);
            if (!seen.add(track.target())) {
                throw t.error("target", "duplicate track for '" + track.target() + "'");
            }
            tracks.add(track);
        }
        return new Animation(start, end, tracks);
    }

    private Track track(JsonFields t) {
        t.allowOnly(Set.of("target", "keys", "interpolation"));
        String target = t.text("target");
        Kind kind = kindOf(t, target);
        String interp = t.text("interpolation", "linear");
        Interpolation interpolation = switch (interp) {
            case "linear" -> Interpolation.LINEAR;
            case "smooth" -> Interpolation.SMOOTH;
            default -> throw t.error("interpolation", "unknown interpolation '" + interp + "'; allowed: linear, smooth");
        };
        List<Track.Key> keys = new ArrayList<>();
        for (JsonFields k : t.objects("keys", true)) {
            k.allowOnly(Set.of("frame", "value"));
            int frame = k.integer("frame", 0, 1_000_000);
            if (!keys.isEmpty() && frame <= keys.get(keys.size() - 1).frame()) {
                throw k.error("frame", "must be greater than the previous key's frame");
            }
            keys.add(new Track.Key(frame, value(k.required("value"), k.path("value"), kind)));
        }
        if (keys.isEmpty()) {
            throw t.error("keys", "must contain at least one key");
        }
        return new Track(target, interpolation, keys);
    }

    private Kind kindOf(JsonFields t, String target) {
        int dot = target.indexOf('.');
        Map<String, Kind> props = dot < 0 ? null : targets.get(target.substring(0, dot));
        if (props == null) {
            throw t.error("target", "unknown target '" + target + "'; expected camera.<property> or <id>.<property>"
                    + " of an object or light");
        }
        Kind kind = props.get(target.substring(dot + 1));
        if (kind == null) {
            throw t.error("target", "unknown target '" + target + "'; animatable: "
                    + String.join(", ", props.keySet().stream().sorted().toList()));
        }
        return kind;
    }

    private static List<Double> value(JsonNode v, String path, Kind kind) {
        switch (kind) {
            case VECTOR -> {
                Vec3 p = JsonFields.toVector(v, path);
                return List.of(p.x(), p.y(), p.z());
            }
            case COLOR -> {
                Vec3 c = JsonFields.toColor(v, path);
                return List.of(c.x(), c.y(), c.z());
            }
            default -> {
                double d = JsonFields.toNumber(v, path);
                boolean ok = switch (kind) {
                    case POSITIVE -> d > 0;
                    case NON_NEGATIVE -> d >= 0;
                    default -> d > 0 && d < 180;
                };
                if (!ok) {
                    throw new SceneException(path, kind == Kind.POSITIVE ? "must be > 0"
                            : kind == Kind.NON_NEGATIVE ? "must be >= 0" : "must be > 0 and < 180");
                }
                return List.of(d);
            }
        }
    }
}
