package io.tessera.assignment.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.assignment.AssignmentConfig;
import io.tessera.assignment.DistributionConfig;
import io.tessera.assignment.blocklist.Blocklists;
import io.tessera.assignment.placement.Assignment;
import io.tessera.assignment.placement.Capacity;
import io.tessera.assignment.placement.FreeWorker;
import io.tessera.assignment.placement.Imbalance;
import io.tessera.assignment.placement.Placement;
import io.tessera.assignment.placement.QueueDepth;
import io.tessera.assignment.queue.PendingTask;
import io.tessera.assignment.workers.Worker;
import io.tessera.assignment.workers.WorkerRegistry;
import io.tessera.contracts.Capability;
import io.tessera.contracts.DistributionMode;
import io.tessera.contracts.Topics;
import io.tessera.contracts.coordination.HandOffRequested;
import io.tessera.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * chosen worker consumes ({@link DispatchWrites}, multi-row statements). Either all of it commits or none of it.
 * <p>
 * The distribution mode ({@link DistributionMode}) shapes the round: centralized fills free slots only; hybrid also
 * fills each worker's local queue ({@link QueueDepth}) and then, when a worker stays idle next to one whose tasks
 * wait, writes a HandOffRequested to the coordination topic ({@link Imbalance}); decentralized chooses no worker at
 * all and relays the queue's top tasks, in rank order, to the capability's task topic for the workers' consumer
 * group, as long as some live worker could run them.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** Queued tasks a round looks at per task it may place, and at least. */
    private static final int CANDIDATES_PER_ROOM = 4;
    private static final int CANDIDATES_MIN = 64;

    /** What one dispatch did, for the meters after commit. */
    private record Done(Capability capability, String taskId, String jobId, int attempt, String workerId,
                        Integer partition, Duration waited) {
    }

    private final Clock clock = Clock.systemUTC();
    private final Placement placement = new Placement();
    private final Imbalance imbalance = new Imbalance();
    private final Map<String, Instant> lastHandOff = new ConcurrentHashMap<>();
    private final DistributionMode mode;
    private final QueueDepth queueDepth;
    private final Capacity capacity;
    private final WorkerRegistry workers;
    private final Blocklists blocklists;
    private final Outbox outbox;
    private final DispatchWrites writes;
    private final AssignmentConfig config;
    private final MeterRegistry meters;
    private final String lock;
    private final String selectPending;

    Dispatcher(WorkerRegistry workers, Blocklists blocklists, Outbox outbox, DispatchWrites writes,
               AssignmentConfig config, DistributionConfig distribution, MeterRegistry meters,
               @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.capacity = new Capacity(config.dispatchTimeout());
        this.mode = distribution.mode();
        this.queueDepth = new QueueDepth(config.localQueueWait(),
                mode == DistributionMode.HYBRID ? config.localQueueMax() : 0);
        this.workers = workers;
        this.blocklists = blocklists;
        this.outbox = outbox;
        this.writes = writes;
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
    }

    /**
     * Runs one round for every capability; completes with whether a capability was skipped because another replica
     * held its lock (that replica's round may have begun before the latest change, so this replica looks again soon).
     */
    public Uni<Boolean> dispatchAll() {
        Uni<Boolean> contended = Uni.createFrom().item(false);
        for (Capability capability : Capability.values()) {
            contended = contended.chain(any -> dispatch(capability).map(skipped -> any || skipped));
        }
        return contended;
    }

    /** Runs one round for {@code capability}; completes after commit with whether another replica held its lock. */
    public Uni<Boolean> dispatch(Capability capability) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(lock, String.class)
                        .setParameter("capability", capability.id()).getResultList())
                .chain(locked -> locked.isEmpty()
                        ? Uni.createFrom().item(true)
                        : round(capability, now).invoke(this::report).replaceWith(false)));
    }

    /** The live workers of a capability as one round sees them. */
    private record Farm(List<FreeWorker> free, List<Imbalance.Load> loads) {
    }

    private Uni<List<Done>> round(Capability capability, Instant now) {
        return farm(capability, now).chain(farm -> switch (mode) {
            case DECENTRALIZED -> relay(capability, farm, now);
            case CENTRALIZED -> place(capability, farm.free(), now);
            case HYBRID -> place(capability, farm.free(), now)
                    .call(done -> rebalance(capability, farm, done, now));
        });
    }

    private Uni<Farm> farm(Capability capability, Instant now) {
        return workers.live(capability, now).chain(live -> live.isEmpty()
                ? Uni.createFrom().item(new Farm(List.of(), List.of()))
                : DispatchedTask.<DispatchedTask>list("capability", capability.id()).map(rows -> {
                    List<Capacity.Dispatch> dispatches = rows.stream().map(DispatchedTask::dispatch).toList();
                    List<FreeWorker> free = new ArrayList<>(live.size());
                    List<Imbalance.Load> loads = new ArrayList<>(live.size());
                    for (Worker worker : live) {
                        Capacity.WorkerLoad load = new Capacity.WorkerLoad(worker.workerId, worker.slots,
                                worker.leases(), worker.lastSeen);
                        int busy = capacity.busy(load, dispatches, now);
                        boolean accepts = workers.liveness().acceptsWork(worker, now);
                        free.add(new FreeWorker(worker.workerId, capability, worker.cores, worker.memoryMb,
                                worker.score, accepts ? Math.max(0, worker.slots - busy) : 0, busy,
                                worker.partitions(), accepts ? queueDepth.room(worker.slots, busy, worker.taskMillis) : 0));
                        int waiting = (int) rows.stream()
                                .filter(r -> !r.started && worker.workerId.equals(r.workerId)).count();
                        loads.add(new Imbalance.Load(worker.workerId, worker.slots, worker.leases().size(), waiting,
                                accepts));
                    }
                    return new Farm(free, loads);
                }));
    }

    private Uni<List<Done>> place(Capability capability, List<FreeWorker> free, Instant now) {
        // a worker with a full set of slots may still have room in its local queue (hybrid)
        List<FreeWorker> withRoom = free.stream().filter(w -> w.freeSlots() > 0 || w.queueRoom() > 0).toList();
        if (withRoom.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int room = withRoom.stream().mapToInt(w -> w.freeSlots() + w.queueRoom()).sum();
        return pending(capability, withRoom, candidates(room))
                .chain(pending -> blocklists.of(pending.stream().map(p -> p.jobId).toList()).chain(blocklist -> {
                    Map<String, PendingTask> byId = pending.stream()
                            .collect(Collectors.toMap(p -> p.taskId, Function.identity()));
                    List<DispatchWrites.Move> moves = placement.place(
                                    pending.stream().map(PendingTask::queued).toList(), free, blocklist).stream()
                            .map(a -> new DispatchWrites.Move(byId.get(a.task().taskId()), a.workerId(),
                                    a.partition()))
                            .toList();
                    return moveAll(capability, moves, now);
                }));
    }

    /**
     * How many queued tasks a round with {@code room} places to fill looks at: a few times the room, so that tasks
     * the workers with room may not run (blocklisted there) do not hide the ones they may, but not the whole
     * {@code dispatch-batch} when a handful of slots are free (every candidate is read and locked).
     */
    private int candidates(int room) {
        return (int) Math.min(config.dispatchBatch(), Math.max(CANDIDATES_MIN, (long) room * CANDIDATES_PER_ROOM));
    }

    /**
     * Locks the highest-ranked queued tasks that one of {@code workers} has the cores and memory for and whose job is
     * not blocklisted on all of them: a backlog of demanding or blocked tasks must not hide runnable ones.
     */
    private Uni<List<PendingTask>> pending(Capability capability, List<FreeWorker> workers, int limit) {
        int maxCores = workers.stream().mapToInt(FreeWorker::cores).max().orElse(0);
        long maxMemoryMb = workers.stream().mapToLong(FreeWorker::memoryMb).max().orElse(0);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(selectPending, PendingTask.class)
                        .setParameter("capability", capability.id())
                        .setParameter("maxCores", maxCores)
                        .setParameter("maxMemoryMb", (int) Math.min(Integer.MAX_VALUE, maxMemoryMb))
                        .setParameter("freeWorkers", workers.stream().map(FreeWorker::workerId).toList())
                        .setParameter("freeWorkerCount", workers.size())
                        .setParameter("limit", limit)
                        .getResultList());
    }

    /** Decentralized: sends the queue's top tasks to the capability's topic for whichever live worker takes them. */
    private Uni<List<Done>> relay(Capability capability, Farm farm, Instant now) {
        if (farm.free().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pending(capability, farm.free(), config.dispatchBatch()).chain(pending -> moveAll(capability,
                pending.stream().map(task -> new DispatchWrites.Move(task, null, null)).toList(), now));
    }

    /**
     * Hybrid: when a worker is still idle after the round while tasks wait in another's local queue, asks the latter
     * (through the outbox, in the round's transaction) to hand them on; at most once per worker per
     * {@code tessera.assignment.hand-off-cooldown}.
     */
    private Uni<Void> rebalance(Capability capability, Farm farm, List<Done> done, Instant now) {
        if (!done.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Outbox.Pending> requests = new ArrayList<>();
        for (Imbalance.HandOff handOff : imbalance.detect(farm.loads())) {
            Instant last = lastHandOff.get(handOff.fromWorkerId());
            if (last != null && last.plus(config.handOffCooldown()).isAfter(now)) {
                continue;
            }
            lastHandOff.put(handOff.fromWorkerId(), now);
            LOG.infof("Imbalance: worker %s idle while %d task(s) wait on worker %s; asking for a hand-off",
                    handOff.toWorkerId(), handOff.tasks(), handOff.fromWorkerId());
            requests.add(new Outbox.Pending(Topics.COORDINATION, handOff.fromWorkerId(), null,
                    "handoff:" + handOff.fromWorkerId() + ":" + handOff.toWorkerId() + ":" + now.toEpochMilli(),
                    new HandOffRequested(handOff.fromWorkerId(), handOff.toWorkerId(), capability, handOff.tasks(),
                            now)));
        }
        return requests.isEmpty() ? Uni.createFrom().voidItem() : outbox.addAll(requests);
    }

    /** Moves the tasks to dispatched and writes their TaskDispatched (one statement of each kind per round). */
    private Uni<List<Done>> moveAll(Capability capability, List<DispatchWrites.Move> moves, Instant now) {
        return writes.moveAll(capability, moves, now).map(v -> moves.stream()
                .map(m -> new Done(capability, m.task().taskId, m.task().jobId, m.task().attempt, m.workerId(),
                        m.partition(), Duration.between(m.task().readyAt, now)))
                .toList());
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
