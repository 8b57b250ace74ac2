package io.tessera.renderer.scene;

import java.util.List;
import java.util.Map;

/**
 * A scene with the animation of one frame applied: what the ray tracer actually draws.
 *
 * @param scene     the scene this frame belongs to (for global settings)
 * @param frame     the frame number
 * @param camera    camera at this frame
 * @param objects   objects at this frame
 * @param lights    lights at this frame
 * @param materials materials by name
 */
public record SceneFrame(Scene scene, int frame, Camera camera, List<SceneObject> objects, List<Light> lights,
                         Map<String, Material> materials) {

    /** Copies the collections so the frame stays immutable. */
    public SceneFrame {
        objects = List.copyOf(objects);
        lights = List.copyOf(lights);
        materials = Map.copyOf(materials);
    }
}
