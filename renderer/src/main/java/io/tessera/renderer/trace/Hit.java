package io.tessera.renderer.trace;

import io.tessera.renderer.scene.Material;
import io.tessera.renderer.scene.Vec3;

/** The nearest surface a ray meets: distance, point, unit normal facing the ray, and material there. */
record Hit(double t, Vec3 point, Vec3 normal, Material material) {
}
