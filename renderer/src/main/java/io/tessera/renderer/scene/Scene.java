package io.tessera.renderer.scene;

import java.util.List;
import java.util.Map;

/**
 * A validated, immutable scene as read by {@link SceneParser}: image settings, camera, materials, objects, lights
 * and animation. Use {@link #atFrame(int)} to get the scene as it is at one frame.
 */
public final class Scene {

    private final Settings settings;
    private final Camera camera;
    private final Map<String, Material> materials;
    private final List<SceneObject> objects;
    private final List<Light> lights;
    private final Animation animation;

    /**
     * Image and quality settings of a scene.
     *
     * @param width      image width in pixels
     * @param height     image height in pixels
     * @param samples    antialiasing samples per pixel
     * @param maxDepth   maximum number of mirror bounces
     * @param background linear RGB colour of rays that hit nothing
     * @param ambient    linear RGB ambient light
     * @param aoSamples  ambient occlusion rays per primary hit (0 disables occlusion)
     * @param aoDistance distance within which a hit occludes the ambient light
     */
    public record Settings(int width, int height, int samples, int maxDepth, Vec3 background, Vec3 ambient,
                           int aoSamples, double aoDistance) {
    }

    Scene(Settings settings, Camera camera, Map<String, Material> materials, List<SceneObject> objects,
          List<Light> lights, Animation animation) {
        this.settings = settings;
        this.camera = camera;
        this.materials = Map.copyOf(materials);
        this.objects = List.copyOf(objects);
        this.lights = List.copyOf(lights);
        this.animation = animation;
    }

    /** Image width in pixels. */
    public int width() {
        return settings.width();
    }

    /** Image height in pixels. */
    public int height() {
        return settings.height();
    }

    /** First frame of the animation's declared range (1 for a still scene). */
    public int frameStart() {
        return animation.frameStart();
    }

    /** Last frame of the animation's declared range (1 for a still scene). */
    public int frameEnd() {
        return animation.frameEnd();
    }

    /** Image and quality settings. */
    public Settings settings() {
        return settings;
    }

    /** The camera before animation. */
    public Camera camera() {
        return camera;
    }

    /** Materials by name. */
    public Map<String, Material> materials() {
        return materials;
    }

    /** Objects before animation, in document order. */
    public List<SceneObject> objects() {
        return objects;
    }

    /** Lights before animation, in document order. */
    public List<Light> lights() {
        return lights;
    }

    /** The animation (frame range and tracks). */
    public Animation animation() {
        return animation;
    }

    /** Whether {@code frame} lies in the declared frame range. */
    public boolean hasFrame(int frame) {
        return frame >= frameStart() && frame <= frameEnd();
    }

    /**
     * The scene as it is at {@code frame}: every track's value interpolated and applied.
     * Frames outside the keys of a track take the nearest key's value.
     */
    public SceneFrame atFrame(int frame) {
        Overrides o = animation.at(frame);
        return new SceneFrame(this, frame, camera.resolve(o),
                objects.stream().map(obj -> obj.resolve(o)).toList(),
                lights.stream().map(l -> l.resolve(o)).toList(), materials);
    }
}
