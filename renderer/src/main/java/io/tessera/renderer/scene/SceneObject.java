package io.tessera.renderer.scene;

/** A renderable surface with a scene-unique id. */
public sealed interface SceneObject permits Sphere, Plane {

    /** The scene-unique id used by animation targets. */
    String id();

    /** Returns this object with the animated properties of the frame applied. */
    SceneObject resolve(Overrides o);
}
