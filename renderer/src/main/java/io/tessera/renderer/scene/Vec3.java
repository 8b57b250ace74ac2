package io.tessera.renderer.scene;

/**
 * An immutable 3-component vector of doubles, used for points, directions and linear RGB colours.
 */
public record Vec3(double x, double y, double z) {

    /** The zero vector. */
    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    /** Returns this + o. */
    public Vec3 add(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    /** Returns this - o. */
    public Vec3 sub(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    /** Returns this * s. */
    public Vec3 scale(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    /** Returns the component-wise product. */
    public Vec3 mul(Vec3 o) {
        return new Vec3(x * o.x, y * o.y, z * o.z);
    }

    /** Returns the dot product. */
    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    /** Returns the cross product this × o. */
    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    /** Returns the Euclidean length. */
    public double length() {
        return Math.sqrt(dot(this));
    }

    /** Returns this vector scaled to unit length; the zero vector stays zero. */
    public Vec3 normalize() {
        double len = length();
        return len == 0 ? this : scale(1.0 / len);
    }

    /** Returns the point this + d * t. */
    public Vec3 along(Vec3 d, double t) {
        return new Vec3(x + d.x * t, y + d.y * t, z + d.z * t);
    }

    /** Returns the linear interpolation from this (t = 0) to o (t = 1). */
    public Vec3 lerp(Vec3 o, double t) {
        return new Vec3(x + (o.x - x) * t, y + (o.y - y) * t, z + (o.z - z) * t);
    }
}
