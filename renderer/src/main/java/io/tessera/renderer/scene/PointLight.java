package io.tessera.renderer.scene;

/**
 * A point light; the light arriving at distance d is {@code color * intensity / d²}.
 * {@code position}, {@code color} and {@code intensity} can be animated.
 */
public record PointLight(String id, Vec3 position, Vec3 color, double intensity) implements Light {

    @Override
    public PointLight resolve(Overrides o) {
        return new PointLight(id, o.vector(id + ".position", position), o.vector(id + ".color", color),
                o.number(id + ".intensity", intensity));
    }
}
