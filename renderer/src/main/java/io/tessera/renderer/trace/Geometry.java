package io.tessera.renderer.trace;

import io.tessera.renderer.scene.Material;
import io.tessera.renderer.scene.Plane;
import io.tessera.renderer.scene.SceneFrame;
import io.tessera.renderer.scene.SceneObject;
import io.tessera.renderer.scene.Sphere;
import io.tessera.renderer.scene.Vec3;

import java.util.ArrayList;
import java.util.List;

/** Ray intersection against the objects of one frame (spheres and planes, with the plane checker pattern). */
final class Geometry {

    private record Ball(Vec3 center, double radius2, Material material) {
    }

    private record Floor(Vec3 point, Vec3 normal, Material material, Material alt, double size, Vec3 u, Vec3 v) {
    }

    private final Ball[] balls;
    private final Floor[] floors;

    Geometry(SceneFrame frame) {
        List<Ball> b = new ArrayList<>();
        List<Floor> f = new ArrayList<>();
        for (SceneObject o : frame.objects()) {
            if (o instanceof Sphere s) {
                b.add(new Ball(s.center(), s.radius() * s.radius(), frame.materials().get(s.material())));
            } else if (o instanceof Plane p) {
                Vec3 n = p.normal();
                Vec3 u = n.cross(Math.abs(n.x()) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0)).normalize();
                Material alt = p.checker() == null ? null : frame.materials().get(p.checker().material());
                double size = p.checker() == null ? 1 : p.checker().size();
                f.add(new Floor(p.point(), n, frame.materials().get(p.material()), alt, size, u, n.cross(u)));
            }
        }
        balls = b.toArray(Ball[]::new);
        floors = f.toArray(Floor[]::new);
    }

    /** The nearest hit with t in (tMin, tMax) along the unit direction d from o, or null. */
    Hit nearest(Vec3 o, Vec3 d, double tMin, double tMax) {
        double best = tMax;
        Ball bestBall = null;
        Floor bestFloor = null;
        for (Ball b : balls) {
            double t = hitBall(b, o, d, tMin, best);
            if (t < best) {
                best = t;
                bestBall = b;
            }
        }
        for (Floor f : floors) {
            double t = hitFloor(f, o, d, tMin, best);
            if (t < best) {
                best = t;
                bestBall = null;
                bestFloor = f;
            }
        }
        if (bestBall == null && bestFloor == null) {
            return null;
        }
        Vec3 p = o.along(d, best);
        Vec3 n;
        Material m;
        if (bestBall != null) {
            n = p.sub(bestBall.center).normalize();
            m = bestBall.material;
        } else {
            n = bestFloor.normal;
            m = floorMaterial(bestFloor, p);
        }
        return new Hit(best, p, n.dot(d) > 0 ? n.scale(-1) : n, m);
    }

    /** Whether anything lies along d from o with t in (tMin, tMax). */
    boolean occluded(Vec3 o, Vec3 d, double tMin, double tMax) {
        for (Ball b : balls) {
            if (hitBall(b, o, d, tMin, tMax) < tMax) {
                return true;
            }
        }
        for (Floor f : floors) {
            if (hitFloor(f, o, d, tMin, tMax) < tMax) {
                return true;
            }
        }
        return false;
    }

    private static double hitBall(Ball b, Vec3 o, Vec3 d, double tMin, double tMax) {
        double ox = o.x() - b.center.x();
        double oy = o.y() - b.center.y();
        double oz = o.z() - b.center.z();
        double half = ox * d.x() + oy * d.y() + oz * d.z();
        double c = ox * ox + oy * oy + oz * oz - b.radius2;
        double disc = half * half - c;
        if (disc < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double s = Math.sqrt(disc);
        double t = -half - s;
        if (t <= tMin) {
            t = -half + s;
        }
        return t > tMin && t < tMax ? t : Double.POSITIVE_INFINITY;
    }

    private static double hitFloor(Floor f, Vec3 o, Vec3 d, double tMin, double tMax) {
        double denom = f.normal.dot(d);
        if (Math.abs(denom) < 1e-12) {
            return Double.POSITIVE_INFINITY;
        }
        double t = f.point.sub(o).dot(f.normal) / denom;
        return t > tMin && t < tMax ? t : Double.POSITIVE_INFINITY;
    }

    private static Material floorMaterial(Floor f, Vec3 p) {
        if (f.alt == null) {
            return f.material;
        }
        Vec3 local = p.sub(f.point);
        long a = (long) Math.floor(local.dot(f.u) / f.size);
        long b = (long) Math.floor(local.dot(f.v) / f.size);
        return ((a + b) & 1) == 0 ? f.material : f.alt;
    }
}
