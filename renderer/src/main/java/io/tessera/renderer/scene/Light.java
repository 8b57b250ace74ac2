package io.tessera.renderer.scene;

/** A light source with a scene-unique id. */
public sealed interface Light permits PointLight, AreaLight {

    /** The scene-unique id used by animation targets. */
    String id();

    /** Returns this light with the animated properties of the frame applied. */
    Light resolve(Overrides o);
}
