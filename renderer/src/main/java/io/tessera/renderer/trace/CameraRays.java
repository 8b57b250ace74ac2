package io.tessera.renderer.trace;

import io.tessera.renderer.scene.Camera;
import io.tessera.renderer.scene.Vec3;

/** Primary ray directions of a pinhole camera for pixel positions of the full frame. */
final class CameraRays {

    private final Vec3 origin;
    private final Vec3 forward;
    private final Vec3 right;
    private final Vec3 up;
    private final int width;
    private final int height;

    CameraRays(Camera camera, int width, int height) {
        this.origin = camera.position();
        this.forward = camera.lookAt().sub(camera.position()).normalize();
        double halfHeight = StrictMath.tan(Math.toRadians(camera.fov()) / 2);
        double halfWidth = halfHeight * width / height;
        Vec3 r = forward.cross(camera.up()).normalize();
        this.right = r.scale(halfWidth);
        this.up = r.cross(forward).scale(halfHeight);
        this.width = width;
        this.height = height;
    }

    Vec3 origin() {
        return origin;
    }

    /** The unit direction through the point (px, py) of the image, in pixels from the top-left corner. */
    Vec3 direction(double px, double py) {
        double sx = px / width * 2 - 1;
        double sy = 1 - py / height * 2;
        return forward.add(right.scale(sx)).add(up.scale(sy)).normalize();
    }
}
