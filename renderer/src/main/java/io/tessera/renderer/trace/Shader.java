package io.tessera.renderer.trace;

import io.tessera.renderer.scene.AreaLight;
import io.tessera.renderer.scene.Light;
import io.tessera.renderer.scene.Material;
import io.tessera.renderer.scene.PointLight;
import io.tessera.renderer.scene.Scene;
import io.tessera.renderer.scene.SceneFrame;
import io.tessera.renderer.scene.Vec3;

/**
 * Whitted-style shading with Blinn-Phong lights, hard (point) and soft (area) shadows, hash-sampled ambient
 * occlusion on primary hits, and mirror reflections up to {@code maxDepth} bounces. To keep reflections cheap,
 * surfaces seen in a mirror get no ambient occlusion and see each area light as one point at its centre.
 */
final class Shader {

    private static final double EPS = 1e-6;

    private final Geometry geometry;
    private final Light[] lights;
    private final Scene.Settings settings;

    Shader(SceneFrame frame, Geometry geometry) {
        this.geometry = geometry;
        this.lights = frame.lights().toArray(Light[]::new);
        this.settings = frame.scene().settings();
    }

    /** Adds the light of one primary ray to {@code out}. */
    void primary(Vec3 origin, Vec3 dir, SampleRng rng, Shading out) {
        out.samples++;
        Hit hit = geometry.nearest(origin, dir, EPS, Double.POSITIVE_INFINITY);
        if (hit == null) {
            add(out.reflection, settings.background(), 1);
            out.occlusion += 1;
            return;
        }
        double ao = occlusion(hit, rng);
        out.occlusion += ao;
        shade(hit, dir, 0, ao, rng, out);
    }

    private void shade(Hit hit, Vec3 dir, int depth, double ao, SampleRng rng, Shading out) {
        Material m = hit.material();
        Vec3 n = hit.normal();
        Vec3 p = hit.point().along(n, EPS);
        double local = 1 - m.reflectivity();
        Vec3 albedo = m.color().scale(m.diffuse() * local);
        Vec3 ambient = settings.ambient().mul(albedo);
        add(out.diffuse, ambient, 1);
        add(out.lit, ambient, ao);
        Vec3 view = dir.scale(-1);
        for (Light light : lights) {
            if (light instanceof PointLight pl) {
                direct(p, n, view, pl.position(), pl.color().scale(pl.intensity()), albedo, m, local, out);
            } else if (light instanceof AreaLight al && depth > 0) {
                Vec3 centre = al.corner().add(al.edgeU().scale(0.5)).add(al.edgeV().scale(0.5));
                direct(p, n, view, centre, al.color().scale(al.intensity()), albedo, m, local, out);
            } else if (light instanceof AreaLight al) {
                int cols = (int) Math.ceil(Math.sqrt(al.samples()));
                Vec3 radiance = al.color().scale(al.intensity() / al.samples());
                for (int i = 0; i < al.samples(); i++) {
                    double u = (i % cols + rng.next()) / cols;
                    double v = (i / cols + rng.next()) / Math.ceil((double) al.samples() / cols);
                    Vec3 pos = al.corner().add(al.edgeU().scale(u)).add(al.edgeV().scale(v));
                    direct(p, n, view, pos, radiance, albedo, m, local, out);
                }
            }
        }
        if (m.reflectivity() > 0 && depth < settings.maxDepth()) {
            Vec3 r = dir.sub(n.scale(2 * dir.dot(n)));
            add(out.reflection, reflected(p, r, depth + 1, rng), m.reflectivity());
        }
    }

    private void direct(Vec3 p, Vec3 n, Vec3 view, Vec3 lightPos, Vec3 radiance, Vec3 albedo, Material m,
                        double local, Shading out) {
        Vec3 toLight = lightPos.sub(p);
        double dist = toLight.length();
        if (dist < EPS) {
            return;
        }
        Vec3 l = toLight.scale(1 / dist);
        double cos = n.dot(l);
        if (cos <= 0) {
            return;
        }
        Vec3 irradiance = radiance.scale(1 / (dist * dist));
        Vec3 diffuse = albedo.mul(irradiance).scale(cos);
        double highlight = 0;
        if (m.specular() > 0) {
            double nh = n.dot(l.add(view).normalize());
            highlight = nh > 0 ? m.specular() * local * power(nh, m.shininess()) : 0;
        }
        Vec3 specular = irradiance.scale(highlight);
        add(out.diffuse, diffuse, 1);
        add(out.specular, specular, 1);
        if (!geometry.occluded(p, l, EPS, dist)) {
            add(out.lit, diffuse.add(specular), 1);
        }
    }

    private Vec3 reflected(Vec3 origin, Vec3 dir, int depth, SampleRng rng) {
        Hit hit = geometry.nearest(origin, dir, EPS, Double.POSITIVE_INFINITY);
        if (hit == null) {
            return settings.background();
        }
        Shading s = new Shading();
        shade(hit, dir, depth, 1, rng, s);
        return new Vec3(s.lit[0] + s.reflection[0], s.lit[1] + s.reflection[1], s.lit[2] + s.reflection[2]);
    }

    /**
     * Share of cosine-weighted hemisphere rays (a uniform point of the unit disk lifted onto the hemisphere) that
     * escape within the occlusion distance (1 = open).
     */
    private double occlusion(Hit hit, SampleRng rng) {
        int count = settings.aoSamples();
        if (count == 0) {
            return 1;
        }
        Vec3 n = hit.normal();
        Vec3 t = n.cross(Math.abs(n.x()) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0)).normalize();
        Vec3 b = n.cross(t);
        Vec3 p = hit.point().along(n, EPS);
        int open = 0;
        for (int i = 0; i < count; i++) {
            double dx;
            double dy;
            do {
                dx = 2 * rng.next() - 1;
                dy = 2 * rng.next() - 1;
            } while (dx * dx + dy * dy >= 1);
            Vec3 d = t.scale(dx).add(b.scale(dy)).add(n.scale(Math.sqrt(1 - dx * dx - dy * dy)));
            if (!geometry.occluded(p, d, EPS, settings.aoDistance())) {
                open++;
            }
        }
        return (double) open / count;
    }

    /** base^exponent for base in (0, 1]: exact squaring for the integer part, StrictMath for any fraction. */
    static double power(double base, double exponent) {
        long whole = (long) exponent;
        double fraction = exponent - whole;
        double result = fraction == 0 ? 1 : StrictMath.pow(base, fraction);
        double square = base;
        while (whole > 0) {
            if ((whole & 1) != 0) {
                result *= square;
            }
            square *= square;
            whole >>= 1;
        }
        return result;
    }

    private static void add(double[] acc, Vec3 v, double weight) {
        acc[0] += v.x() * weight;
        acc[1] += v.y() * weight;
        acc[2] += v.z() * weight;
    }
}
