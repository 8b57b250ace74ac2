package io.tessera.monitoring.farm;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.Capability;
import io.tessera.contracts.TaskState;
import io.tessera.contracts.status.FarmStatus;
import io.tessera.monitoring.MonitoringConfig;
import io.tessera.monitoring.MonitoringMetrics;
import io.tessera.monitoring.task.TaskEntity;
import io.tessera.monitoring.worker.WorkerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Computes the farm's status per capability from the task and worker tables, and refreshes the task gauges. */
@ApplicationScoped
public class FarmStatusService {

    private final MonitoringConfig config;
    private final MonitoringMetrics metrics;

    FarmStatusService(MonitoringConfig config, MonitoringMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** One FarmStatus per capability: queued and running tasks, live workers, their slots and free slots. */
    public Uni<List<FarmStatus>> snapshot() {
        Instant now = Instant.now();
        Instant liveSince = now.minus(config.workerLiveness());
        return Panache.withSession(() -> TaskEntity.getSession()
                .chain(session -> session.createQuery("select t.capability, t.state, count(t) from TaskEntity t"
                        + " group by t.capability, t.state", Object[].class).getResultList())
                .chain(counts -> WorkerEntity.<WorkerEntity>list("lastSeen >= ?1 and state <> ?2", liveSince,
                                "STOPPING")
                        .map(workers -> statuses(counts, workers, now))));
    }

    private List<FarmStatus> statuses(List<Object[]> counts, List<WorkerEntity> workers, Instant now) {
        Map<TaskState, Integer> byState = new EnumMap<>(TaskState.class);
        Map<Capability, Integer> queued = new EnumMap<>(Capability.class);
        Map<Capability, Integer> running = new EnumMap<>(Capability.class);
        for (Object[] row : counts) {
            Capability capability = Capability.fromId((String) row[0]);
            TaskState state = (TaskState) row[1];
            int count = ((Number) row[2]).intValue();
            byState.merge(state, count, Integer::sum);
            if (state == TaskState.QUEUED) {
                queued.merge(capability, count, Integer::sum);
            } else if (state == TaskState.RUNNING) {
                running.merge(capability, count, Integer::sum);
            }
        }
        metrics.updateGauges(byState, queued);
        List<FarmStatus> statuses = new ArrayList<>();
        for (Capability capability : Capability.values()) {
            List<WorkerEntity> live = workers.stream().filter(w -> w.capability.equals(capability.id())).toList();
            statuses.add(new FarmStatus(capability, queued.getOrDefault(capability, 0),
                    running.getOrDefault(capability, 0), live.size(),
                    live.stream().mapToInt(w -> w.slots).sum(),
                    live.stream().mapToInt(w -> Math.max(0, w.freeSlots)).sum(), now));
        }
        return statuses;
    }
}
