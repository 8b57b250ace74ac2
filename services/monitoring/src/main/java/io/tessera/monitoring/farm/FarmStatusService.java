package io.tessera.monitoring.farm;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.Capability;
import io.tessera.contracts.JobState;
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

    /**
     * Marks the rows counting QUEUED tasks of SUSPENDED jobs: assignment holds them, so they are not demand for
     * workers (provisioning must not start workers for them) and are subtracted from the queued count.
     */
    private static final String HELD = "HELD";

    private final MonitoringConfig config;
    private final MonitoringMetrics metrics;

    FarmStatusService(MonitoringConfig config, MonitoringMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * One FarmStatus per capability: queued (not counting those of SUSPENDED jobs, which assignment holds) and running
     * tasks, live workers, their slots and free slots.
     */
    public Uni<List<FarmStatus>> snapshot() {
        Instant now = Instant.now();
        Instant liveSince = now.minus(config.workerLiveness());
        return Panache.withSession(() -> TaskEntity.getSession()
                .chain(session -> session.createQuery("select t.capability, t.state, count(t) from TaskEntity t"
                        + " group by t.capability, t.state", Object[].class).getResultList()
                        .chain(counts -> session.createQuery("select t.capability, count(t) from TaskEntity t,"
                                        + " JobEntity j where j.jobId = t.jobId and j.state = :suspended"
                                        + " and t.state = :queued group by t.capability", Object[].class)
                                .setParameter("suspended", JobState.SUSPENDED)
                                .setParameter("queued", TaskState.QUEUED)
                                .getResultList()
                                .map(held -> {
                                    List<Object[]> all = new ArrayList<>(counts);
                                    held.forEach(row -> all.add(new Object[] {row[0], HELD, row[1]}));
                                    return all;
                                })))
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
            int count = ((Number) row[2]).intValue();
            if (HELD.equals(row[1])) {
                queued.merge(capability, -count, Integer::sum);
                continue;
            }
            TaskState state = (TaskState) row[1];
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
