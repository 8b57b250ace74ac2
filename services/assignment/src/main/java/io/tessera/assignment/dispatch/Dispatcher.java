package io.tessera.assignment.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.assignment.AssignmentConfig;
import io.tessera.assignment.blocklist.Blocklists;
import io.tessera.assignment.placement.Assignment;
import io.tessera.assignment.placement.Capacity;
import io.tessera.assignment.placement.FreeWorker;
import io.tessera.assignment.placement.Placement;
import io.tessera.assignment.placement.QueueDepth;
import io.tessera.assignment.queue.PendingTask;
import io.tessera.assignment.workers.Worker;
import io.tessera.assignment.workers.WorkerRegistry;
import io.tessera.contracts.Capability;
import io.tessera.contracts.Topics;
import io.tessera.contracts.tasks.TaskDispatched;
import io.tessera.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One dispatch round per capability, in one transaction: lock the capability (so one replica dispatches it at a
 * time), compute every live worker's free slots ({@link Capacity}), lock the highest-ranked queued tasks that
 * some free worker has the cores and memory for and whose job is not suspended (nor blocklisted on every free
 * worker) ({@code FOR UPDATE SKIP LOCKED}), let {@link Placement} match them, and for each match move the task from
 * {@code pending_task} to {@code dispatched_task} and write its TaskDispatched to the outbox, to a partition the
 * chosen worker consumes. Either all of it commits or none of it.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /** What one dispatch did, for the meters after commit. */
    private record Done(Capability capability, String taskId, String jobId, int attempt, String workerId,
                        Integer partition, Duration waited) {
    }

    private final Clock clock = Clock.systemUTC();
    private final Placement placement = new Placement();
    private final QueueDepth queueDepth;
    private final Capacity capacity;
    private final WorkerRegistry workers;
    private final Blocklists blocklists;
    private final Outbox outbox;
    private final AssignmentConfig config;
    private final MeterRegistry meters;
    private final String lock;
    private final String selectPending;
    private final String deletePending;
    private final String insertDispatched;

    Dispatcher(WorkerRegistry workers, Blocklists blocklists, Outbox outbox, AssignmentConfig config,
               MeterRegistry meters, @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.capacity = new Capacity(config.dispatchTimeout());
        this.queueDepth = new QueueDepth(config.localQueueWait(), config.localQueueMax());
        this.workers = workers;
        this.blocklists = blocklists;
        this.outbox = outbox;
        this.config = config;
        this.meters = meters;
        this.lock = "select capability from " + schema + ".dispatch_lock where capability = :capability"
                + " for update skip locked";
        this.selectPending = "select * from " + schema + ".pending_task where capability = :capability"
                + " and coalesce(min_cores, 0) <= :maxCores and coalesce(min_memory_mb, 0) <= :maxMemoryMb"
                + " and not exists (select 1 from " + schema + ".suspended_job s where s.job_id = pending_task.job_id"
                + " and s.suspended)"
                + " and (select count(*) from " + schema + ".blocklisted_worker b where b.job_id = pending_task.job_id"
                + " and b.worker_id in (:freeWorkers)) < :freeWorkerCount"
                + " order by preview desc, priority desc, job_seen_at, task_order, task_id"
                + " limit :limit for update skip locked";
        this.deletePending = "delete from " + schema + ".pending_task where task_id = :taskId and attempt = :attempt";
        this.insertDispatched = "insert into " + schema + ".dispatched_task (task_id, attempt, job_id, capability,"
                + " worker_id, dispatched_at, started) values (:taskId, :attempt, :jobId, :capability, :workerId,"
                + " :dispatchedAt, false) on conflict (task_id) do update set attempt = excluded.attempt,"
                + " job_id = excluded.job_id, capability = excluded.capability, worker_id = excluded.worker_id,"
                + " dispatched_at = excluded.dispatched_at, started = false, started_at = null";
    }

    /** Runs one round for every capability; completes with the number of tasks dispatched. */
    public Uni<Integer> dispatchAll() {
        Uni<Integer> total = Uni.createFrom().item(0);
        for (Capability capability : Capability.values()) {
            total = total.chain(sum -> dispatch(capability).map(count -> sum + count));
        }
        return total;
    }

    /** Runs one round for {@code capability}; completes after commit with the number of tasks dispatched. */
    public Uni<Integer> dispatch(Capability capability) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(lock, String.class)
                                .setParameter("capability", capability.id()).getResultList())
                        .chain(locked -> locked.isEmpty()
                                ? Uni.createFrom().item(List.<Done>of())
                                : freeWorkers(capability, now).chain(free -> place(capability, free, now))))
                .invoke(this::report)
                .map(List::size);
    }

    private Uni<List<FreeWorker>> freeWorkers(Capability capability, Instant now) {
        return workers.live(capability, now).chain(live -> live.isEmpty()
                ? Uni.createFrom().item(List.<FreeWorker>of())
                : DispatchedTask.<DispatchedTask>list("capability", capability.id()).map(rows -> {
                    List<Capacity.Dispatch> dispatches = rows.stream().map(DispatchedTask::dispatch).toList();
                    List<FreeWorker> free = new ArrayList<>(live.size());
                    for (Worker worker : live) {
                        Capacity.WorkerLoad load = new Capacity.WorkerLoad(worker.workerId, worker.slots,
                                worker.leases(), worker.lastSeen);
                        int busy = capacity.busy(load, dispatches, now);
                        free.add(new FreeWorker(worker.workerId, capability, worker.cores, worker.memoryMb,
                                worker.score, workers.liveness().acceptsWork(worker, now)
                                        ? Math.max(0, worker.slots - busy) : 0, busy, worker.partitions(),
                                workers.liveness().acceptsWork(worker, now)
                                        ? queueDepth.room(worker.slots, busy, worker.taskMillis) : 0));
                    }
                    return free;
                }));
    }

    private Uni<List<Done>> place(Capability capability, List<FreeWorker> free, Instant now) {
        List<FreeWorker> withRoom = free.stream().filter(w -> w.freeSlots() > 0).toList();
        if (withRoom.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // only tasks some free worker might run: a backlog of demanding tasks must not hide runnable ones
        int maxCores = withRoom.stream().mapToInt(FreeWorker::cores).max().orElse(0);
        long maxMemoryMb = withRoom.stream().mapToLong(FreeWorker::memoryMb).max().orElse(0);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(selectPending, PendingTask.class)
                        .setParameter("capability", capability.id())
                        .setParameter("maxCores", maxCores)
                        .setParameter("maxMemoryMb", (int) Math.min(Integer.MAX_VALUE, maxMemoryMb))
                        .setParameter("freeWorkers", withRoom.stream().map(FreeWorker::workerId).toList())
                        .setParameter("freeWorkerCount", withRoom.size())
                        .setParameter("limit", config.dispatchBatch())
                        .getResultList())
                .chain(pending -> blocklists.of(pending.stream().map(p -> p.jobId).toList()).chain(blocklist -> {
                    Map<String, PendingTask> byId = pending.stream()
                            .collect(Collectors.toMap(p -> p.taskId, Function.identity()));
                    List<Assignment> assignments = placement.place(
                            pending.stream().map(PendingTask::queued).toList(), free, blocklist);
                    Uni<List<Done>> done = Uni.createFrom().item(new ArrayList<>());
                    for (Assignment assignment : assignments) {
                        PendingTask task = byId.get(assignment.task().taskId());
                        done = done.chain(list -> move(capability, task, assignment, now)
                                .map(d -> {
                                    list.add(d);
                                    return list;
                                }));
                    }
                    return done;
                }));
    }

    private Uni<Done> move(Capability capability, PendingTask task, Assignment assignment, Instant now) {
        TaskDispatched event = new TaskDispatched(task.task(), task.attempt, now, assignment.workerId());
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(deletePending)
                        .setParameter("taskId", task.taskId)
                        .setParameter("attempt", task.attempt)
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(insertDispatched)
                                .setParameter("taskId", task.taskId)
                                .setParameter("attempt", task.attempt)
                                .setParameter("jobId", task.jobId)
                                .setParameter("capability", capability.id())
                                .setParameter("workerId", assignment.workerId())
                                .setParameter("dispatchedAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                                .executeUpdate()))
                .chain(() -> outbox.add(Topics.tasksFor(capability), task.taskId, assignment.partition(),
                        eventId(task.taskId, task.attempt), event))
                .map(v -> new Done(capability, task.taskId, task.jobId, task.attempt, assignment.workerId(),
                        assignment.partition(), Duration.between(task.readyAt, now)));
    }

    private void report(List<Done> done) {
        for (Done d : done) {
            Counter.builder("tessera_tasks_dispatched_total").description("Tasks handed to a worker")
                    .tag("capability", d.capability().id()).register(meters).increment();
            Timer.builder("tessera_dispatch_wait").description("Time from TaskReady to TaskDispatched")
                    .register(meters).record(d.waited().isNegative() ? Duration.ZERO : d.waited());
            LOG.debugf("Task %s (job %s, attempt %d) dispatched to worker %s, partition %s", d.taskId(), d.jobId(),
                    d.attempt(), d.workerId(), d.partition());
        }
    }

    /** The CloudEvents id of a TaskDispatched: {@code task:{taskId}:{attempt}:dispatched}. */
    public static String eventId(String taskId, int attempt) {
        return "task:" + taskId + ":" + attempt + ":dispatched";
    }
}
