package io.tessera.renderer.scene;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a scene document (format in {@code renderer/README.md}). Every problem is reported as a
 * {@link SceneException} naming the JSON path and the rule: required fields, types, ranges, references to materials,
 * unknown object, light and field names, and animation targets.
 */
public final class SceneParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> TOP = Set.of("name", "description", "width", "height", "samples", "maxDepth",
            "background", "ambient", "ambientOcclusion", "camera", "materials", "objects", "lights", "animation");

    private SceneParser() {
    }

    /**
     * Parses and validates {@code json}.
     *
     * @throws SceneException naming the first offending field and the rule it broke
     */
    public static Scene parse(String json) {
        if (json == null) {
            throw new SceneException("$", "not valid JSON: no document");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SceneException("$", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new SceneException("$", "not valid JSON: empty document");
        }
        JsonFields doc = JsonFields.of(root, "");
        doc.allowOnly(TOP);
        Scene.Settings settings = settings(doc);
        Camera camera = camera(doc.object("camera"));
        Map<String, Material> materials = materials(doc);
        ObjectParser objects = new ObjectParser(materials.keySet());
        List<SceneObject> sceneObjects = objects.objects(doc);
        List<Light> lights = objects.lights(doc);
        Animation animation = doc.has("animation")
                ? new AnimationParser(sceneObjects, lights).parse(doc.object("animation"))
                : Animation.STILL;
        Scene scene = new Scene(settings, camera, materials, sceneObjects, lights, animation);
        checkCameraOverFrames(scene);
        return scene;
    }

    private static Scene.Settings settings(JsonFields doc) {
        int width = doc.integer("width", 1, 16384);
        int height = doc.integer("height", 1, 16384);
        int samples = doc.integer("samples", 1, 1, 64);
        int maxDepth = doc.integer("maxDepth", 3, 0, 16);
        Vec3 background = doc.color("background", new Vec3(0.05, 0.05, 0.08));
        Vec3 ambient = doc.color("ambient", new Vec3(0.1, 0.1, 0.1));
        int aoSamples = 4;
        double aoDistance = 2.0;
        if (doc.has("ambientOcclusion")) {
            JsonFields ao = doc.object("ambientOcclusion");
            ao.allowOnly(Set.of("samples", "distance"));
            aoSamples = ao.integer("samples", aoSamples, 0, 64);
            aoDistance = ao.has("distance") ? ao.positive("distance") : aoDistance;
        }
        return new Scene.Settings(width, height, samples, maxDepth, background, ambient, aoSamples, aoDistance);
    }

    private static Camera camera(JsonFields c) {
        c.allowOnly(Set.of("position", "lookAt", "up", "fov"));
        Vec3 position = c.vector("position");
        Vec3 lookAt = c.vector("lookAt");
        Vec3 up = c.has("up") ? c.direction("up") : new Vec3(0, 1, 0);
        double fov = c.number("fov", 50);
        if (fov <= 0 || fov >= 180) {
            throw c.error("fov", "must be > 0 and < 180");
        }
        return new Camera(position, lookAt, up, fov);
    }

    private static Map<String, Material> materials(JsonFields doc) {
        JsonFields all = doc.object("materials");
        Map<String, Material> out = new LinkedHashMap<>();
        Iterator<String> names = all.fieldNamesInOrder();
        while (names.hasNext()) {
            String name = names.next();
            JsonFields m = all.object(name);
            m.allowOnly(Set.of("color", "diffuse", "specular", "shininess", "reflectivity"));
            if (!m.has("color")) {
                throw m.error("color", "is required");
            }
            out.put(name, new Material(m.color("color", null), m.between("diffuse", 0.8, 0, 1),
                    m.between("specular", 0.0, 0, 1), m.between("shininess", 32, 1, 10000),
                    m.between("reflectivity", 0.0, 0, 1)));
        }
        if (out.isEmpty()) {
            throw doc.error("materials", "must define at least one material");
        }
        return out;
    }

    private static void checkCameraOverFrames(Scene scene) {
        for (int f = scene.frameStart(); f <= scene.frameEnd(); f++) {
            Camera c = scene.camera().resolve(scene.animation().at(f));
            Vec3 forward = c.lookAt().sub(c.position());
            String when = scene.frameStart() == scene.frameEnd() ? "" : " at frame " + f;
            if (forward.length() < 1e-9) {
                throw new SceneException("camera", "position equals lookAt" + when);
            }
            if (forward.normalize().cross(c.up().normalize()).length() < 1e-6) {
                throw new SceneException("camera.up", "must not be parallel to the view direction" + when);
            }
        }
    }
}
