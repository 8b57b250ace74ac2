package io.tessera.renderer.scene;

/**
 * A pinhole camera at {@code position} looking at {@code lookAt}; {@code fov} is the vertical field of view in degrees.
 */
public record Camera(Vec3 position, Vec3 lookAt, Vec3 up, double fov) {

    /** The animatable properties: position, lookAt (vectors) and fov (degrees). */
    Camera resolve(Overrides o) {
        return new Camera(o.vector("camera.position", position), o.vector("camera.lookAt", lookAt), up,
                o.number("camera.fov", fov));
    }
}
