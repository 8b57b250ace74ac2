package io.tessera.assignment.blocklist;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.assignment.placement.Blocklist;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobBlocklistCleared;
import io.tessera.contracts.jobs.JobWorkerBlocklisted;
import io.tessera.messaging.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * The per-job worker blocklist as assignment keeps it ({@code blocklisted_worker}): JobWorkerBlocklisted adds a
 * worker, JobBlocklistCleared removes one or every worker of a job, each in one transaction with its inbox entry
 * (dedupe on {@code ce_id}) and in the order of the job's partition. The dispatcher reads it as a {@link Blocklist}.
 */
@ApplicationScoped
public class Blocklists {

    static final String CONSUMER = "assignment-blocklist";
    private static final Logger LOG = Logger.getLogger(Blocklists.class);

    private final Inbox inbox;
    private final String insert;
    private final String clearJob;
    private final String clearWorker;
    private final String select;

    Blocklists(Inbox inbox, @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.inbox = inbox;
        this.insert = "insert into " + schema + ".blocklisted_worker (job_id, worker_id, blocklisted_at)"
                + " values (:jobId, :workerId, :at) on conflict (job_id, worker_id) do nothing";
        this.clearJob = "delete from " + schema + ".blocklisted_worker where job_id = :jobId";
        this.clearWorker = clearJob + " and worker_id = :workerId";
        this.select = "select job_id, worker_id from " + schema + ".blocklisted_worker where job_id in (:jobIds)";
    }

    /** Blocklists the worker for the job. */
    public Uni<Void> blocklisted(EventEnvelope envelope, JobWorkerBlocklisted event) {
        require(event.jobId(), "jobId");
        require(event.workerId(), "workerId");
        Instant at = event.blocklistedAt() == null ? Instant.now() : event.blocklistedAt();
        return apply(envelope, session -> session.createNativeQuery(insert)
                .setParameter("jobId", event.jobId())
                .setParameter("workerId", event.workerId())
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate()
                .invoke(added -> LOG.infof("Job %s: worker %s blocklisted after %d failures, it gets none of the"
                        + " job's tasks", event.jobId(), event.workerId(), event.failures())));
    }

    /** Removes the named worker, or every worker of the job when the event names none. */
    public Uni<Void> cleared(EventEnvelope envelope, JobBlocklistCleared event) {
        require(event.jobId(), "jobId");
        return apply(envelope, session -> (event.workerId() == null
                ? session.createNativeQuery(clearJob).setParameter("jobId", event.jobId())
                : session.createNativeQuery(clearWorker).setParameter("jobId", event.jobId())
                        .setParameter("workerId", event.workerId()))
                .executeUpdate()
                .invoke(removed -> LOG.infof("Job %s: blocklist cleared for %s (%d worker(s))", event.jobId(),
                        event.workerId() == null ? "every worker" : "worker " + event.workerId(), removed)));
    }

    /** The blocklisted workers of the given jobs; call inside a session. */
    public Uni<Blocklist> of(Collection<String> jobIds) {
        if (jobIds.isEmpty()) {
            return Uni.createFrom().item(Blocklist.NONE);
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(select, Object[].class)
                        .setParameter("jobIds", List.copyOf(new HashSet<>(jobIds)))
                        .getResultList())
                .map(rows -> {
                    Map<String, Set<String>> byJob = new HashMap<>();
                    rows.forEach(row -> byJob.computeIfAbsent((String) row[0], job -> new HashSet<>())
                            .add((String) row[1]));
                    return new Blocklist(byJob);
                });
    }

    private Uni<Void> apply(EventEnvelope envelope, Function<Mutiny.Session, Uni<Integer>> change) {
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, envelope.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(session -> change.apply(session)).replaceWithVoid()));
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + ": is required");
        }
    }
}
