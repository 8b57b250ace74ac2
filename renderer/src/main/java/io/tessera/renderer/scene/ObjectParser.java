package io.tessera.renderer.scene;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses the {@code objects} and {@code lights} arrays; ids are unique across both. */
final class ObjectParser {

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final Set<String> materials;
    private final Set<String> ids = new HashSet<>();

    ObjectParser(Set<String> materials) {
        this.materials = materials;
    }

    List<SceneObject> objects(JsonFields doc) {
        List<SceneObject> out = new ArrayList<>();
        for (JsonFields o : doc.objects("objects", true)) {
            String type = o.text("type");
            out.add(switch (type) {
                case "sphere" -> sphere(o);
                case "plane" -> plane(o);
                default -> throw o.error("type", "unknown object type '" + type + "'; allowed: sphere, plane");
            });
        }
        if (out.isEmpty()) {
            throw doc.error("objects", "must contain at least one object");
        }
        return out;
    }

    List<Light> lights(JsonFields doc) {
        List<Light> out = new ArrayList<>();
        for (JsonFields l : doc.objects("lights", false)) {
            String type = l.text("type");
            out.add(switch (type) {
                case "point" -> point(l);
                case "area" -> area(l);
                default -> throw l.error("type", "unknown light type '" + type + "'; allowed: point, area");
            });
        }
        return out;
    }

    private Sphere sphere(JsonFields o) {
        o.allowOnly(Set.of("type", "id", "center", "radius", "material"));
        return new Sphere(id(o), o.vector("center"), o.positive("radius"), material(o, "material"));
    }

    private Plane plane(JsonFields o) {
        o.allowOnly(Set.of("type", "id", "point", "normal", "material", "checker"));
        String id = id(o);
        Vec3 point = o.vector("point");
        Vec3 normal = o.direction("normal").normalize();
        String material = material(o, "material");
        Checker checker = null;
        if (o.has("checker")) {
            JsonFields c = o.object("checker");
            c.allowOnly(Set.of("material", "size"));
            checker = new Checker(material(c, "material"), c.positive("size"));
        }
        return new Plane(id, point, normal, material, checker);
    }

    private PointLight point(JsonFields l) {
        l.allowOnly(Set.of("type", "id", "position", "color", "intensity"));
        return new PointLight(id(l), l.vector("position"), l.color("color", new Vec3(1, 1, 1)),
                l.nonNegative("intensity", 1));
    }

    private AreaLight area(JsonFields l) {
        l.allowOnly(Set.of("type", "id", "corner", "edgeU", "edgeV", "samples", "color", "intensity"));
        String id = id(l);
        Vec3 corner = l.vector("corner");
        Vec3 u = l.direction("edgeU");
        Vec3 v = l.direction("edgeV");
        if (u.normalize().cross(v.normalize()).length() < 1e-6) {
            throw l.error("edgeV", "must not be parallel to edgeU");
        }
        return new AreaLight(id, corner, u, v, l.integer("samples", 8, 1, 256), l.color("color", new Vec3(1, 1, 1)),
                l.nonNegative("intensity", 1));
    }

    private String id(JsonFields o) {
        String id = o.text("id");
        if (!ID.matcher(id).matches()) {
            throw o.error("id", "must start with a letter and contain only letters, digits, '_' and '-'");
        }
        if (id.equals("camera")) {
            throw o.error("id", "'camera' is reserved");
        }
        if (!ids.add(id)) {
            throw o.error("id", "duplicate id '" + id + "'");
        }
        return id;
    }

    private String material(JsonFields o, String field) {
        String name = o.text(field);
        if (!materials.contains(name)) {
            throw o.error(field, "unknown material '" + name + "'");
        }
        return name;
    }
}
