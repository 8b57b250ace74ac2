package io.tessera.segmentation.auto;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Frame-time history of one scene on one capability ({@link SceneKey}): the sums over every completed task of
 * {@code autoChunk} jobs. Written with an upsert ({@link AutoChunkService}), read as a {@link FrameTime}.
 */
@Entity
@Table(name = "frame_time")
public class FrameTimeEntity extends PanacheEntityBase {

    @Id
    @Column(name = "scene_key")
    public String sceneKey;

    @Column(name = "render_millis")
    public long renderMillis;

    public long frames;

    public long tasks;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The average frame time, or null without a measured frame. */
    FrameTime frameTime() {
        return frames < 1 ? null : new FrameTime(renderMillis, frames);
    }
}
