package io.tessera.renderer.scene;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Scenes shipped inside the renderer jar. */
public final class BundledScenes {

    private static final String DEMO = "/io/tessera/renderer/scenes/demo.json";

    private BundledScenes() {
    }

    /** The demo scene: 320×180, frames 1..48, spheres bouncing and orbiting over a checker floor. */
    public static String demo() {
        return read(DEMO);
    }

    private static String read(String resource) {
        try (InputStream in = BundledScenes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled scene " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled scene " + resource, e);
        }
    }
}
