package io.tessera.submission.blocklist;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.Topics;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobBlocklistCleared;
import io.tessera.contracts.jobs.JobWorkerBlocklisted;
import io.tessera.messaging.inbox.Inbox;
import io.tessera.messaging.outbox.Outbox;
import io.tessera.submission.jobs.JobNotFoundException;
import io.tessera.submission.jobs.JobRepository;
import io.tessera.submission.problems.Problem;
import io.tessera.submission.problems.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Each job's worker blocklist: the read model fed by JobWorkerBlocklisted and JobBlocklistCleared from
 * {@code farm.jobs.v1} (applied in topic order, each in one transaction with its inbox entry), and a studio's clear,
 * which removes the entries and writes its JobBlocklistCleared through the outbox in one transaction, numbered per
 * job ({@code ce_id job:{jobId}:blocklist-cleared:{sequence}}); monitoring then counts the worker's failures from
 * zero and assignment gives it the job's tasks again.
 */
@ApplicationScoped
public class Blocklists implements PanacheRepositoryBase<BlocklistEntity, BlocklistEntity.Key> {

    static final String CONSUMER = "submission-blocklist";
    private static final Logger LOG = Logger.getLogger(Blocklists.class);

    private final JobRepository jobs;
    private final Outbox outbox;
    private final Inbox inbox;

    Blocklists(JobRepository jobs, Outbox outbox, Inbox inbox) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    /**
     * The job's blocklisted workers, longest blocklisted first.
     *
     * @throws JobNotFoundException (as a failure) when the job is unknown
     */
    public Uni<List<BlocklistView>> of(String jobId) {
        return Panache.withSession(() -> jobs.findById(jobId)
                .onItem().ifNull().failWith(() -> new JobNotFoundException(jobId))
                .chain(job -> list("jobId", Sort.ascending("since", "workerId"), jobId)))
                .map(entries -> entries.stream().map(BlocklistView::of).toList());
    }

    /**
     * Clears the whole blocklist of the job ({@code workerId} null) or one worker's entry.
     *
     * @throws JobNotFoundException (as a failure) when the job is unknown
     * @throws ProblemException     (as a failure, 404) when the named worker is not on the job's blocklist
     */
    public Uni<Void> clear(String jobId, String workerId) {
        return Panache.withTransaction(() -> jobs.findForUpdate(jobId)
                .onItem().ifNull().failWith(() -> new JobNotFoundException(jobId))
                .chain(job -> listed(jobId, workerId).chain(listed -> {
                    if (!listed) {
                        return Uni.createFrom().failure(
                                new ProblemException(Problem.workerNotBlocklisted(jobId, workerId)));
                    }
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    job.blocklistClears = job.blocklistClears + 1;
                    job.updatedAt = now;
                    return remove(jobId, workerId).chain(() -> outbox.add(Topics.JOBS, jobId,
                            "job:" + jobId + ":blocklist-cleared:" + job.blocklistClears,
                            new JobBlocklistCleared(jobId, workerId, job.blocklistClears, now)));
                })))
                .invoke(() -> LOG.infof("Job %s: blocklist cleared for %s by user", jobId,
                        workerId == null ? "every worker" : "worker " + workerId));
    }

    /** Adds (or refreshes) the worker's entry; a redelivered event changes nothing. */
    public Uni<Void> blocklisted(EventEnvelope envelope, JobWorkerBlocklisted event) {
        require(event.jobId(), "jobId");
        require(event.workerId(), "workerId");
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, envelope.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : findById(new BlocklistEntity.Key(event.jobId(), event.workerId())).chain(existing -> {
                    BlocklistEntity entry = existing != null ? existing : new BlocklistEntity();
                    entry.jobId = event.jobId();
                    entry.workerId = event.workerId();
                    entry.failures = event.failures();
                    entry.reason = event.reason();
                    entry.since = (event.blocklistedAt() != null ? event.blocklistedAt() : Instant.now())
                            .truncatedTo(ChronoUnit.MICROS);
                    return existing != null ? Uni.createFrom().voidItem() : persist(entry).replaceWithVoid();
                })));
    }

    /** Removes the named worker's entry, or every entry of the job; a redelivered event changes nothing. */
    public Uni<Void> cleared(EventEnvelope envelope, JobBlocklistCleared event) {
        require(event.jobId(), "jobId");
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, envelope.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : remove(event.jobId(), event.workerId())));
    }

    private Uni<Boolean> listed(String jobId, String workerId) {
        return workerId == null
                ? Uni.createFrom().item(true)
                : findById(new BlocklistEntity.Key(jobId, workerId)).map(entry -> entry != null);
    }

    private Uni<Void> remove(String jobId, String workerId) {
        return (workerId == null ? delete("jobId", jobId) : delete("jobId = ?1 and workerId = ?2", jobId, workerId))
                .replaceWithVoid();
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + ": is required");
        }
    }
}
