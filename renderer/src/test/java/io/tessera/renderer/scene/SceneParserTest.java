package io.tessera.renderer.scene;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void demoSceneParsesWithItsSizeAndFrames() {
        Scene scene = SceneParser.parse(BundledScenes.demo());

        assertEquals(320, scene.width());
        assertEquals(180, scene.height());
        assertEquals(1, scene.frameStart());
        assertEquals(48, scene.frameEnd());
        assertEquals(5, scene.objects().size());
        assertEquals(2, scene.lights().size());
    }

    @Test
    void animationInterpolatesAndClampsOutsideTheKeys() {
        Scene scene = SceneParser.parse(edit(doc -> {
            ObjectNode anim = doc.putObject("animation");
            anim.put("frameStart", 1).put("frameEnd", 30);
            ObjectNode track = anim.putArray("tracks").addObject();
            track.put("target", "ball.radius");
            ArrayNode keys = track.putArray("keys");
            keys.addObject().put("frame", 10).put("value", 1.0);
            keys.addObject().put("frame", 20).put("value", 3.0);
        }));

        assertEquals(1.0, radiusAt(scene, 1));
        assertEquals(2.0, radiusAt(scene, 15), 1e-12);
        assertEquals(3.0, radiusAt(scene, 30));
    }

    @Test
    void sceneWithoutAnimationIsTheSingleFrameOne() {
        Scene scene = SceneParser.parse(minimal().toString());

        assertEquals(1, scene.frameStart());
        assertEquals(1, scene.frameEnd());
    }

    static Stream<Arguments> invalidScenes() {
        return Stream.of(
                invalid("bad JSON", null, "$", "not valid JSON"),
                invalid("missing camera", d -> d.remove("camera"), "camera", "is required"),
                invalid("width 0", d -> d.put("width", 0), "width", "must be between 1 and 16384"),
                invalid("width not an integer", d -> d.put("width", 10.5), "width", "must be an integer"),
                invalid("negative radius", d -> object(d, 0).put("radius", -1), "objects[0].radius", "must be > 0"),
                invalid("unknown material", d -> object(d, 1).put("material", "foo"), "objects[1].material",
                        "unknown material 'foo'"),
                invalid("unknown object type", d -> object(d, 1).put("type", "cube"), "objects[1].type",
                        "unknown object type 'cube'"),
                invalid("unknown light type", d -> ((ObjectNode) d.get("lights").get(0)).put("type", "spot"),
                        "lights[0].type", "unknown light type 'spot'"),
                invalid("fov too wide", d -> ((ObjectNode) d.get("camera")).put("fov", 180), "camera.fov",
                        "must be > 0 and < 180"),
                invalid("vector of 2", d -> ((ObjectNode) d.get("camera")).putArray("position").add(1).add(2),
                        "camera.position", "must be an array of 3 numbers"),
                invalid("duplicate id", d -> object(d, 1).put("id", "ball"), "objects[1].id", "duplicate id 'ball'"),
                invalid("misspelt field", d -> object(d, 0).put("raduis", 1), "objects[0].raduis", "unknown field"),
                invalid("camera at its target", d -> ((ObjectNode) d.get("camera")).putArray("lookAt").add(0)
                        .add(1).add(-5), "camera", "position equals lookAt"),
                invalid("reflectivity above 1", d -> ((ObjectNode) d.get("materials").get("red"))
                        .put("reflectivity", 1.5), "materials.red.reflectivity", "must be between 0 and 1"),
                invalid("animation target unknown", d -> track(d, "rocket.center", 1.0),
                        "animation.tracks[0].target", "unknown target 'rocket.center'"),
                invalid("animation property unknown", d -> track(d, "ball.color", 1.0),
                        "animation.tracks[0].target", "unknown target 'ball.color'; animatable: center, radius"),
                invalid("animated radius negative", d -> track(d, "ball.radius", -2.0),
                        "animation.tracks[0].keys[0].value", "must be > 0"),
                invalid("frame range reversed", d -> d.putObject("animation").put("frameStart", 5)
                        .put("frameEnd", 2), "animation.frameEnd", "must be >= frameStart (5)"),
                invalid("checker material unknown", d -> object(d, 1).putObject("checker").put("material", "x")
                        .put("size", 1), "objects[1].checker.material", "unknown material 'x'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidScenes")
    void invalidSceneNamesTheFieldAndTheRule(String name, String json, String field, String rule) {
        SceneException e = assertThrows(SceneException.class, () -> SceneParser.parse(json));

        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.rule().startsWith(rule), "rule was: " + e.rule());
        assertEquals(e.field() + ": " + e.rule(), e.getMessage());
    }

    @Test
    void trailingGarbageIsNotValidJson() {
        SceneException e = assertThrows(SceneException.class, () -> SceneParser.parse(minimal() + " }"));

        assertTrue(e.rule().startsWith("not valid JSON"), e.rule());
    }

    @Test
    void differentFramesOfTheDemoMoveTheBall() {
        Scene scene = SceneParser.parse(BundledScenes.demo());

        assertNotEquals(scene.atFrame(1).objects(), scene.atFrame(2).objects());
        assertNotEquals(scene.atFrame(1).camera(), scene.atFrame(2).camera());
    }

    private static double radiusAt(Scene scene, int frame) {
        return ((Sphere) scene.atFrame(frame).objects().get(0)).radius();
    }

    private static Arguments invalid(String name, Consumer<ObjectNode> change, String field, String rule) {
        String json = change == null ? "{\"width\": 10, " : edit(change);
        return Arguments.of(name, json, field, rule);
    }

    private static ObjectNode object(ObjectNode doc, int index) {
        return (ObjectNode) doc.get("objects").get(index);
    }

    private static void track(ObjectNode doc, String target, double value) {
        ObjectNode track = doc.putObject("animation").putArray("tracks").addObject();
        track.put("target", target);
        track.putArray("keys").addObject().put("frame", 1).put("value", value);
    }

    private static String edit(Consumer<ObjectNode> change) {
        ObjectNode doc = minimal();
        change.accept(doc);
        return doc.toString();
    }

    /** A small valid scene: a ball over a plane, one point light. */
    static ObjectNode minimal() {
        try {
            return (ObjectNode) JSON.readTree("""
                    {
                      "width": 16, "height": 9,
                      "camera": {"position": [0, 1, -5], "lookAt": [0, 0.5, 0], "fov": 45},
                      "materials": {
                        "red": {"color": [0.9, 0.1, 0.1], "specular": 0.5, "shininess": 20},
                        "grey": {"color": [0.6, 0.6, 0.6]}
                      },
                      "objects": [
                        {"type": "sphere", "id": "ball", "center": [0, 0.5, 0], "radius": 0.5, "material": "red"},
                        {"type": "plane", "id": "floor", "point": [0, 0, 0], "normal": [0, 1, 0], "material": "grey"}
                      ],
                      "lights": [{"type": "point", "id": "key", "position": [2, 4, -3], "intensity": 20}]
                    }
                    """);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
