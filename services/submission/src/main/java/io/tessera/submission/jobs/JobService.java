package io.tessera.submission.jobs;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.JobState;
import io.tessera.contracts.Topics;
import io.tessera.contracts.jobs.AutoChunk;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.messaging.outbox.Outbox;
import io.tessera.submission.validation.Channel;
import io.tessera.submission.validation.DependencyRules;
import io.tessera.submission.validation.InvalidJobRequestException;
import io.tessera.submission.validation.OutputPaths;
import io.tessera.submission.validation.ValidJobRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Owns the job transactions: a job row and its lifecycle event (JobSubmitted, JobCancelled) are written in one
 * transaction through the outbox, so an event is published if and only if the state change committed.
 */
@ApplicationScoped
public class JobService {

    /** The reason recorded on a job cancelled through the API. */
    public static final String CANCELLED_BY_USER = "cancelled by user";

    private static final Logger LOG = Logger.getLogger(JobService.class);

    private final JobRepository jobs;
    private final Outbox outbox;
    private final OutputPaths outputs;
    private final SubmissionMetrics metrics;

    JobService(JobRepository jobs, Outbox outbox, OutputPaths outputs, SubmissionMetrics metrics) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.outputs = outputs;
        this.metrics = metrics;
    }

    /**
     * Persists a validated job in state SUBMITTED together with its JobSubmitted event. A requestId that is
     * already known returns the existing job instead, also when two submissions race on the unique constraint.
     */
    public Uni<Submission> submit(ValidJobRequest request, Channel channel) {
        return Panache.withTransaction(() -> existing(request)
                        .call(found -> checkDependencies(request, found))
                        .chain(found -> found != null
                                ? Uni.createFrom().item(new Submission(JobView.of(found), false))
                                : create(request)))
                .onFailure(e -> request.requestId() != null && UniqueViolations.isUniqueViolation(e))
                .recoverWithUni(() -> Panache.withSession(() -> jobs.findByRequestId(request.requestId()))
                        .map(found -> new Submission(JobView.of(found), false)))
                .invoke(submission -> {
                    if (submission.created()) {
                        metrics.submitted(request.requirements().capability(), channel);
                        LOG.infof("Job %s submitted over %s (requestId %s, strategy %s, %s)",
                                submission.job().jobId(), channel.id(), request.requestId(),
                                request.strategy().id(), request.autoChunk()
                                        ? "autoChunk, target " + request.targetSeconds() + " s per task"
                                        : request.taskCount() + " tasks");
                    } else {
                        LOG.infof("Job request %s over %s is a duplicate of job %s", request.requestId(),
                                channel.id(), submission.job().jobId());
                    }
                });
    }

    /** The job, failing with {@link JobNotFoundException} when unknown. */
    public Uni<JobView> find(String jobId) {
        return Panache.withSession(() -> jobs.findById(jobId))
                .onItem().ifNull().failWith(() -> new JobNotFoundException(jobId))
                .map(JobView::of);
    }

    /** One page of the jobs matching the filters (null filters match everything), newest first. */
    public Uni<JobPage> list(JobState state, String studio, String requestId, int page, int size) {
        return Panache.withSession(() -> {
            PanacheQuery<JobEntity> query = jobs.search(state, studio, requestId);
            return query.page(page, size).list()
                    .chain(items -> query.count()
                            .map(total -> new JobPage(items.stream().map(JobView::of).toList(), page, size, total)));
        });
    }

    /**
     * Cancels the job and records JobCancelled in the same transaction.
     *
     * @throws JobNotFoundException      (as a failure) when the job is unknown
     * @throws JobStateConflictException (as a failure) when the job is already COMPLETED, FAILED or CANCELLED
     */
    public Uni<JobView> cancel(String jobId) {
        return Panache.withTransaction(() -> jobs.findForUpdate(jobId)
                .onItem().ifNull().failWith(() -> new JobNotFoundException(jobId))
                .chain(job -> {
                    if (job.state.terminal()) {
                        return Uni.createFrom().failure(new JobStateConflictException(
                                "job " + jobId + " is already " + job.state + " and cannot be cancelled", job.state));
                    }
                    Instant now = now();
                    job.state = JobState.CANCELLED;
                    job.reason = CANCELLED_BY_USER;
                    job.updatedAt = now;
                    return outbox.add(Topics.JOBS, jobId, "job:" + jobId + ":cancelled",
                                    new JobCancelled(jobId, CANCELLED_BY_USER, now))
                            .map(ignored -> JobView.of(job));
                }))
                .invoke(view -> LOG.infof("Job %s cancelled by user", jobId));
    }

    private Uni<JobEntity> existing(ValidJobRequest request) {
        return request.requestId() == null
                ? Uni.createFrom().nullItem()
                : jobs.findByRequestId(request.requestId());
    }

    /**
     * Checks {@code dependsOn} against the stored jobs (existing, same studio, not the job itself) inside the
     * submission's transaction, so a rejected request persists nothing.
     */
    private Uni<Void> checkDependencies(ValidJobRequest request, JobEntity found) {
        if (request.dependsOn().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return jobs.studiosOf(request.dependsOn()).map(studios -> DependencyRules.check(request.studio(),
                request.dependsOn(), studios, found == null ? null : found.jobId)).invoke(violations -> {
                    if (!violations.isEmpty()) {
                        throw new InvalidJobRequestException(violations);
                    }
                }).replaceWithVoid();
    }

    private Uni<Submission> create(ValidJobRequest request) {
        String jobId = UUID.randomUUID().toString();
        Instant now = now();
        JobEntity job = new JobEntity();
        job.jobId = jobId;
        job.requestId = request.requestId();
        job.name = request.name();
        job.studio = request.studio();
        job.state = JobState.SUBMITTED;
        job.priority = request.priority();
        job.capability = request.requirements().capability();
        job.minCores = request.requirements().minCores();
        job.minMemoryMb = request.requirements().minMemoryMb();
        job.frameStart = request.frameStart();
        job.frameEnd = request.frameEnd();
        job.chunkSize = request.chunkSize();
        job.outputDir = outputs.resolve(request.output() != null ? request.output() : jobId).toString();
        job.scene = request.scene();
        job.strategy = request.strategy();
        if (request.tiles() != null) {
            job.tileColumns = request.tiles().columns();
            job.tileRows = request.tiles().rows();
            job.tileWidth = request.tiles().tileWidth();
            job.tileHeight = request.tiles().tileHeight();
        }
        job.passes = JsonColumns.strings(request.passes());
        job.dependsOn = JsonColumns.strings(request.dependsOn());
        job.preview = request.preview();
        job.autoTargetSeconds = request.targetSeconds();
        job.errorLimit = request.errorLimit();
        job.blocklistThreshold = request.blocklistThreshold();
        job.planComplete = !request.autoChunk();
        job.parts = "{}";
        job.tasksTotal = request.taskCount();
        job.tasksByState = "{}";
        job.framesDone = 0;
        job.framesTotal = request.frameCount();
        job.statusVersion = -1;
        job.createdAt = now;
        job.updatedAt = now;
        JobSubmitted event = new JobSubmitted(jobId, job.requestId, job.name, job.studio, job.scene,
                job.frameStart, job.frameEnd, job.chunkSize, job.outputDir, job.priority, request.requirements(), now,
                request.strategy(), request.tiles(), request.passes(),
                request.autoChunk() ? new AutoChunk(request.targetSeconds()) : null, request.dependsOn(),
                request.preview(), request.errorLimit(), request.blocklistThreshold());
        return jobs.persist(job)
                .chain(() -> jobs.flush())
                .chain(() -> outbox.add(Topics.JOBS, jobId, "job:" + jobId + ":submitted", event))
                .map(ignored -> new Submission(JobView.of(job), true));
    }

    /** Now, at the microsecond precision PostgreSQL stores, so views before and after a reload agree. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
