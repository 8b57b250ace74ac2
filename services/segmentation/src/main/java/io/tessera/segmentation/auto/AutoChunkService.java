package io.tessera.segmentation.auto;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.tasks.TaskCompleted;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.messaging.inbox.Inbox;
import io.tessera.messaging.outbox.Outbox;
import io.tessera.messaging.outbox.OutboxConfig;
import io.tessera.messaging.sequence.Sequential;
import io.tessera.segmentation.SegmentationConfig;
import io.tessera.segmentation.jobs.TaskPlannedPublisher;
import io.tessera.segmentation.planning.Segmenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Plans {@code autoChunk} jobs wave by wave ({@link WavePlanner}). Every wave is written in one transaction with the
 * job's plan state, its task rows and its TaskPlanned events (transactional outbox), so a wave exists if and only if
 * its events are published.
 * <ul>
 *   <li>JobSubmitted: the first wave (a probe, or a wave sized from the scene's frame-time history). A redelivered
 *       JobSubmitted finds the job's row and plans nothing.</li>
 *   <li>TaskCompleted of a task of an autoChunk job: its {@code renderMillis} is recorded on the task (the first
 *       completion of a task only: another attempt's is ignored) and added to the frame-time history. The
 *       <b>first completion of a task of the latest wave</b> plans the next wave, sized from the frame-weighted
 *       average of every completed task of the job so far ({@code Σ renderMillis / Σ frames}). The consumer's inbox
 *       ({@code ce_id}) and the per-task record make a redelivered TaskCompleted plan nothing.</li>
 *   <li>JobCancelled: no further wave is planned.</li>
 * </ul>
 */
@ApplicationScoped
public class AutoChunkService {

    /** The inbox consumer name of the task-events channel. */
    static final String CONSUMER = "segmentation-task-events";

    private static final Logger LOG = Logger.getLogger(AutoChunkService.class);

    private final WavePlanner planner;
    private final Outbox outbox;
    private final Inbox inbox;
    private final String upsertHistory;
    private final Counter waves;
    private final Counter tasksPlanned;

    AutoChunkService(SegmentationConfig config, Outbox outbox, Inbox inbox, OutboxConfig schema,
                     MeterRegistry registry) {
        this.planner = new WavePlanner(config.maxTasksPerJob(), config.autoChunk().maxChunkSize(),
                config.autoChunk().lastWaveChunks());
        this.outbox = outbox;
        this.inbox = inbox;
        this.upsertHistory = "insert into " + schema.schema() + ".frame_time"
                + " (scene_key, render_millis, frames, tasks, updated_at) values (:key, :millis, :frames, 1, now())"
                + " on conflict (scene_key) do update set render_millis = frame_time.render_millis + excluded.render_millis,"
                + " frames = frame_time.frames + excluded.frames, tasks = frame_time.tasks + 1, updated_at = now()";
        this.waves = Counter.builder("tessera_auto_chunk_waves_total")
                .description("Waves of autoChunk jobs planned (committed with their TaskPlanned to the outbox)")
                .register(registry);
        this.tasksPlanned = Counter.builder("tessera_auto_chunk_tasks_planned_total")
                .description("Tasks of autoChunk jobs planned (committed with their TaskPlanned to the outbox)")
                .register(registry);
    }

    /**
     * Plans the first wave of a new autoChunk job; nothing when the job is known already.
     *
     * @throws io.tessera.contracts.envelope.InvalidEventException (as a failure) naming the field and the rule
     */
    public Uni<Void> start(JobSubmitted job) {
        return Uni.createFrom().deferred(() -> {
            Segmenter.checkCommon(job);
            WavePlanner.check(job);
            String sceneKey = SceneKey.of(job.scene(), job.requirements().capability());
            return Panache.withTransaction(() -> AutoJobEntity.<AutoJobEntity>findById(job.jobId())
                            .chain(known -> known != null
                                    ? Uni.createFrom().<Wave>nullItem()
                                    : FrameTimeEntity.<FrameTimeEntity>findById(sceneKey)
                                            .chain(history -> planFirst(job, sceneKey, history))))
                    .onFailure().recoverWithUni(e -> Panache.withSession(
                                    () -> AutoJobEntity.<AutoJobEntity>findById(job.jobId()))
                            .chain(known -> known != null
                                    ? Uni.createFrom().<Wave>nullItem()
                                    : Uni.createFrom().<Wave>failure(e)))
                    .invoke(wave -> {
                        if (wave == null) {
                            LOG.infof("Job %s: autoChunk job already planned, JobSubmitted redelivered", job.jobId());
                        }
                    })
                    .replaceWithVoid();
        });
    }

    /**
     * Records the render time of a completed task of an autoChunk job and plans the next wave when it is the first
     * completion in the latest wave. Events of other jobs and redeliveries change nothing.
     */
    public Uni<Void> onCompleted(EventEnvelope envelope, TaskCompleted event) {
        return Panache.withTransaction(() -> AutoJobEntity.<AutoJobEntity>findById(event.jobId(),
                        LockModeType.PESSIMISTIC_WRITE)
                .chain(job -> job == null
                        ? Uni.createFrom().voidItem()
                        : inbox.firstDelivery(CONSUMER, envelope.id()).chain(first -> !first
                                ? Uni.createFrom().voidItem()
                                : AutoTaskEntity.<AutoTaskEntity>findById(event.taskId())
                                        .chain(task -> completed(job, task, event)))));
    }

    /**
     * Stops planning waves of a cancelled job (nothing when the job is not an autoChunk job).
     *
     * @throws InvalidEventException when the cancellation names no job
     */
    public Uni<Void> cancel(String jobId) {
        if (jobId == null || jobId.isBlank()) {
            throw new InvalidEventException("jobId: is required");
        }
        return Panache.withTransaction(() -> AutoJobEntity.update(
                        "cancelled = true, updatedAt = ?2 where jobId = ?1 and cancelled = false", jobId, now()))
                .invoke(updated -> {
                    if (updated > 0) {
                        LOG.infof("Job %s cancelled: no further autoChunk wave is planned", jobId);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Wave> planFirst(JobSubmitted job, String sceneKey, FrameTimeEntity history) {
        Optional<FrameTime> measured = Optional.ofNullable(history).map(FrameTimeEntity::frameTime);
        Wave wave = planner.first(job, measured);
        AutoJobEntity row = AutoJobEntity.of(job, sceneKey, now());
        row.planned(wave, now());
        String basis = measured.map(t -> String.format("history of the scene, %.1f ms/frame over %d frames",
                t.millisPerFrame(), t.frames())).orElse("no history: probe");
        return row.persist().chain(() -> record(row, wave, basis)).replaceWith(wave);
    }

    private Uni<Void> completed(AutoJobEntity job, AutoTaskEntity task, TaskCompleted event) {
        if (task == null) {
            LOG.warnf("Job %s: TaskCompleted of task %s (attempt %d), which is not a planned task of the job: ignored",
                    event.jobId(), event.taskId(), event.attempt());
            return Uni.createFrom().voidItem();
        }
        if (task.renderMillis != null) {
            LOG.debugf("Job %s: task %s attempt %d completed again; its first completion's time counts",
                    event.jobId(), event.taskId(), event.attempt());
            return Uni.createFrom().voidItem();
        }
        long millis = Math.max(0, event.renderMillis());
        task.renderMillis = millis;
        task.completedAt = event.completedAt() != null ? event.completedAt().truncatedTo(ChronoUnit.MICROS) : now();
        Uni<Void> history = Panache.getSession().chain(session -> session.createNativeQuery(upsertHistory)
                .setParameter("key", job.sceneKey)
                .setParameter("millis", millis)
                .setParameter("frames", task.frames())
                .executeUpdate()).replaceWithVoid();
        if (job.planComplete || job.cancelled || task.wave != job.wave) {
            return history;
        }
        return history.chain(() -> AutoTaskEntity.<AutoTaskEntity>list(
                        "jobId = ?1 and renderMillis is not null and taskId <> ?2", job.jobId, task.taskId))
                .chain(done -> planNext(job, measured(done, task)));
    }

    private Uni<Void> planNext(AutoJobEntity job, FrameTime measured) {
        Wave wave = planner.next(job.submitted(), job.state(), measured);
        job.planned(wave, now());
        return record(job, wave, String.format("measured %.1f ms/frame over %d frames", measured.millisPerFrame(),
                measured.frames()));
    }

    private Uni<Void> record(AutoJobEntity job, Wave wave, String basis) {
        Uni<Void> chain = Sequential.forEach(wave.tasks(), task -> AutoTaskEntity.of(task, wave.number()).persist()
                .chain(() -> outbox.add(Topics.TASKS_PLANNED, task.jobId(), TaskPlannedPublisher.eventId(task), task)));
        return chain.invoke(() -> {
            waves.increment();
            tasksPlanned.increment(wave.tasks().size());
            TaskPlanned first = wave.tasks().get(0);
            TaskPlanned last = wave.tasks().get(wave.tasks().size() - 1);
            LOG.infof("Job %s: %s %d: %d tasks of %d frames (frames %d..%d, tasks %d..%d, %s, target %d s), %s",
                    job.jobId, wave.number() == 0 ? "probe wave" : "wave", wave.number(), wave.tasks().size(),
                    wave.framesPerTask(), first.frameStart(), last.frameEnd(), first.index(), last.index(), basis,
                    job.targetSeconds, wave.last() ? "plan complete" : "more tasks follow");
        });
    }

    /** {@code Σ renderMillis / Σ frames} over the job's completed tasks ({@code others} and {@code task}). */
    static FrameTime measured(List<AutoTaskEntity> others, AutoTaskEntity task) {
        FrameTime time = new FrameTime(task.renderMillis, task.frames());
        for (AutoTaskEntity done : others) {
            time = time.plus(done.renderMillis, done.frames());
        }
        return time;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
