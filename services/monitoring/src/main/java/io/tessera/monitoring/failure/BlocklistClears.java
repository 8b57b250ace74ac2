package io.tessera.monitoring.failure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobBlocklistCleared;
import io.tessera.messaging.inbox.Inbox;
import io.tessera.messaging.outbox.OutboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Applies a studio's JobBlocklistCleared in one transaction with its inbox entry (dedupe on {@code ce_id}): the
 * named worker (or every worker of the job) is no longer blocklisted and its failures on the job count from zero, so
 * it is blocklisted again only after the job's threshold of new failures.
 */
@ApplicationScoped
public class BlocklistClears {

    static final String CONSUMER = "monitoring-blocklist";
    private static final Logger LOG = Logger.getLogger(BlocklistClears.class);

    private final Inbox inbox;
    private final String clearJob;
    private final String clearWorker;

    BlocklistClears(Inbox inbox, OutboxConfig config) {
        this.inbox = inbox;
        String reset = "update " + config.schema() + ".job_worker set failures = 0, blocklisted = false,"
                + " blocklisted_at = null where job_id = :jobId";
        this.clearJob = reset;
        this.clearWorker = reset + " and worker_id = :workerId";
    }

    /** Resets the named worker, or every worker of the job when the event names none. */
    public Uni<Void> cleared(EventEnvelope envelope, JobBlocklistCleared event) {
        if (event.jobId() == null || event.jobId().isBlank()) {
            throw new InvalidEventException("jobId: is required");
        }
        if (event.sequence() < 1) {
            throw new InvalidEventException("sequence: must be at least 1, was " + event.sequence());
        }
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, envelope.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(session -> (event.workerId() == null
                        ? session.createNativeQuery(clearJob).setParameter("jobId", event.jobId())
                        : session.createNativeQuery(clearWorker).setParameter("jobId", event.jobId())
                                .setParameter("workerId", event.workerId()))
                        .executeUpdate()
                        .invoke(reset -> LOG.infof("Job %s: blocklist cleared for %s (%d worker(s) reset)",
                                event.jobId(), event.workerId() == null ? "every worker" : "worker " + event.workerId(),
                                reset))
                        .replaceWithVoid())));
    }
}
