package io.tessera.renderer.scene;

/**
 * A Blinn-Phong surface: linear RGB {@code color}, diffuse and specular weights in [0, 1], {@code shininess}
 * (specular exponent) and {@code reflectivity} in [0, 1] (share of the colour that comes from the mirror direction).
 */
public record Material(Vec3 color, double diffuse, double specular, double shininess, double reflectivity) {
}
