package io.tessera.assignment.queue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TasksWithdrawn;
import io.tessera.messaging.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies TasksWithdrawn (a job FAILED in monitoring): drops every queued task of the job, in one transaction with
 * its inbox entry (dedupe on {@code ce_id}). It travels on {@code farm.tasks.ready.v1} with the job's key, so it is
 * applied after every TaskReady of the job announced before it and before any TaskReady of a retry of the job;
 * tasks already handed to a worker are stopped there (monitoring revokes their leases).
 */
@ApplicationScoped
public class Withdrawals {

    static final String CONSUMER = "assignment-withdrawals";
    private static final Logger LOG = Logger.getLogger(Withdrawals.class);

    private final Inbox inbox;
    private final String dropQueued;

    Withdrawals(Inbox inbox, @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.inbox = inbox;
        this.dropQueued = "delete from " + schema + ".pending_task where job_id = :jobId";
    }

    /** Rejects an event that names no job. */
    static void validate(TasksWithdrawn event) {
        if (event.jobId() == null || event.jobId().isBlank()) {
            throw new InvalidEventException("jobId: is required");
        }
    }

    /** Drops the job's queued tasks unless this event was applied before; completes with how many were dropped. */
    public Uni<Integer> withdraw(String eventId, TasksWithdrawn event) {
        validate(event);
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, eventId).chain(first -> !first
                ? Uni.createFrom().item(0)
                : Panache.getSession().chain(session -> session.createNativeQuery(dropQueued)
                        .setParameter("jobId", event.jobId())
                        .executeUpdate())))
                .invoke(dropped -> {
                    if (dropped > 0) {
                        LOG.infof("Job %s failed (%s): %d queued tasks withdrawn", event.jobId(), event.reason(),
                                dropped);
                    }
                });
    }
}
