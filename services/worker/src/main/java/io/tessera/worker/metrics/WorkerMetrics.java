package io.tessera.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tessera.worker.tasks.Slots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The worker's own meters: {@code tessera_worker_tasks_total{outcome=completed|failed}},
 * {@code tessera_worker_frame_render_seconds} and {@code tessera_worker_busy_slots}.
 */
@ApplicationScoped
public class WorkerMetrics {

    private final Counter completed;
    private final Counter failed;
    private final Timer frameRender;

    @Inject
    public WorkerMetrics(MeterRegistry registry, Slots slots) {
        completed = Counter.builder("tessera.worker.tasks").description("Task attempts this worker finished")
                .tag("outcome", "completed").register(registry);
        failed = Counter.builder("tessera.worker.tasks").description("Task attempts this worker finished")
                .tag("outcome", "failed").register(registry);
        frameRender = Timer.builder("tessera.worker.frame.render").description("Time to render and write one frame")
                .register(registry);
        Gauge.builder("tessera.worker.busy.slots", slots, Slots::busy).description("Slots running a task")
                .register(registry);
    }

    /** Counts a task attempt that completed. */
    public void taskCompleted() {
        completed.increment();
    }

    /** Counts a task attempt that failed (cancelled included). */
    public void taskFailed() {
        failed.increment();
    }

    /** Records the render time of one frame. */
    public void frameRendered(long millis) {
        frameRender.record(Duration.ofMillis(millis));
    }
}
