package io.tessera.renderer.scene;

/**
 * A checker pattern on a plane: squares of side {@code size} alternate between the plane's material and
 * {@code material}.
 */
public record Checker(String material, double size) {
}
