package io.tessera.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tessera.contracts.Capability;
import io.tessera.contracts.JobState;
import io.tessera.contracts.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Tessera's own meters of the monitoring service ({@code /q/metrics}). */
@ApplicationScoped
public class MonitoringMetrics {

    private final MeterRegistry registry;
    private final Counter staleEvents;
    private final Counter stalledRepublished;
    private final Timer taskDuration;
    private final Map<TaskState, AtomicInteger> tasksByState = new EnumMap<>(TaskState.class);
    private final Map<Capability, AtomicInteger> queueDepth = new EnumMap<>(Capability.class);

    MonitoringMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.staleEvents = Counter.builder("tessera_stale_events_total")
                .description("Worker events of an attempt other than the task's current one (ignored)")
                .register(registry);
        this.stalledRepublished = Counter.builder("tessera_tasks_stalled_republished_total")
                .description("Tasks whose lease expired and that were queued again with the next attempt")
                .register(registry);
        this.taskDuration = Timer.builder("tessera_task_duration_seconds")
                .description("Render time of accepted task attempts").register(registry);
        for (TaskState state : TaskState.values()) {
            AtomicInteger value = new AtomicInteger();
            tasksByState.put(state, value);
            Gauge.builder("tessera_tasks", value, AtomicInteger::get).tag("state", state.name())
                    .description("Tasks by state").register(registry);
        }
        for (Capability capability : Capability.values()) {
            AtomicInteger value = new AtomicInteger();
            queueDepth.put(capability, value);
            Gauge.builder("tessera_queue_depth", value, AtomicInteger::get).tag("capability", capability.id())
                    .description("QUEUED tasks per capability").register(registry);
        }
    }

    /** Counts a late or zombie event that was ignored. */
    public void staleEvent() {
        staleEvents.increment();
    }

    /** Counts a task republished after its lease expired. */
    public void stalledRepublished() {
        stalledRepublished.increment();
    }

    /** Records the render time of an accepted attempt. */
    public void taskDuration(long renderMillis) {
        if (renderMillis >= 0) {
            taskDuration.record(Duration.ofMillis(renderMillis));
        }
    }

    /** Counts a job that reached a terminal state. */
    public void jobFinished(JobState state) {
        registry.counter("tessera_jobs_finished_total", "state", state.name()).increment();
    }

    /** Sets the task gauges from fresh counts (states or capabilities absent from the maps are 0). */
    public void updateGauges(Map<TaskState, Integer> byState, Map<Capability, Integer> queuedByCapability) {
        tasksByState.forEach((state, value) -> value.set(byState.getOrDefault(state, 0)));
        queueDepth.forEach((capability, value) -> value.set(queuedByCapability.getOrDefault(capability, 0)));
    }
}
