package io.tessera.renderer.scene;

/**
 * A rectangular light spanned by {@code edgeU} and {@code edgeV} from {@code corner}, sampled with {@code samples}
 * stratified points, each a point light of {@code intensity / samples}; it casts soft shadows.
 * {@code corner}, {@code color} and {@code intensity} can be animated.
 */
public record AreaLight(String id, Vec3 corner, Vec3 edgeU, Vec3 edgeV, int samples, Vec3 color, double intensity)
        implements Light {

    @Override
    public AreaLight resolve(Overrides o) {
        return new AreaLight(id, o.vector(id + ".corner", corner), edgeU, edgeV, samples,
                o.vector(id + ".color", color), o.number(id + ".intensity", intensity));
    }
}
