package io.tessera.renderer.scene;

/** A sphere; {@code center} and {@code radius} can be animated. */
public record Sphere(String id, Vec3 center, double radius, String material) implements SceneObject {

    @Override
    public Sphere resolve(Overrides o) {
        return new Sphere(id, o.vector(id + ".center", center), o.number(id + ".radius", radius), material);
    }
}
