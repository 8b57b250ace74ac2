package io.tessera.renderer.scene;

/**
 * An infinite plane through {@code point} with unit {@code normal}; {@code checker} is null for a plain plane.
 * {@code point} can be animated.
 */
public record Plane(String id, Vec3 point, Vec3 normal, String material, Checker checker) implements SceneObject {

    @Override
    public Plane resolve(Overrides o) {
        return new Plane(id, o.vector(id + ".point", point), normal, material, checker);
    }
}
