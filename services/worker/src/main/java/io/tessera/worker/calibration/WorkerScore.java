package io.tessera.worker.calibration;

import io.quarkus.runtime.StartupEvent;
import io.tessera.worker.config.WorkerConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * This worker's capability score (reference frames per second), stated in every heartbeat. Measured once at
 * start-up on the main thread (never the event loop), before the messaging connectors start (priority 1000), so no
 * task renders at the same time, and so before heartbeats begin ({@code WorkerLifecycle}, priority 2000): {@code tessera.worker.score} if set, else the {@link ReferenceRender} when
 * {@code tessera.worker.calibration.enabled}, else 0 (unknown).
 */
@ApplicationScoped
public class WorkerScore {

    private static final Logger LOG = Logger.getLogger(WorkerScore.class);

    @Inject
    WorkerConfig config;

    private volatile double score;

    /** The score stated in heartbeats; 0 until (or without) calibration. */
    public double score() {
        return score;
    }

    void calibrate(@Observes @Priority(900) StartupEvent event) {
        if (config.score().isPresent()) {
            score = config.score().get();
            LOG.infof("Worker %s score=%.2f (configured by tessera.worker.score, no calibration)", config.id(),
                    score);
            return;
        }
        if (!config.calibration().enabled()) {
            LOG.infof("Worker %s score=0 (calibration disabled)", config.id());
            return;
        }
        long started = System.nanoTime();
        score = new ReferenceRender().framesPerSecond();
        LOG.infof("Worker %s calibrated: score=%.2f reference frames/s (demo scene %dx%d, %d frames) in %d ms",
                config.id(), score, ReferenceRender.WIDTH, ReferenceRender.HEIGHT, ReferenceRender.TIMED_FRAMES,
                (System.nanoTime() - started) / 1_000_000);
    }
}
