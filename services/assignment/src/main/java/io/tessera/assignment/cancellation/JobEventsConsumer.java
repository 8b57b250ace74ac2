package io.tessera.assignment.cancellation;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.assignment.blocklist.Blocklists;
import io.tessera.assignment.dispatch.DispatchLoop;
import io.tessera.assignment.suspension.Suspensions;
import io.tessera.contracts.jobs.JobBlocklistCleared;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobResumed;
import io.tessera.contracts.jobs.JobSuspended;
import io.tessera.contracts.jobs.JobWorkerBlocklisted;
import io.tessera.messaging.retry.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code farm.jobs.v1} for JobCancelled (queued tasks dropped for good), JobSuspended (queued tasks held),
 * JobResumed (held tasks dispatched again), JobWorkerBlocklisted (the worker gets none of the job's tasks) and
 * JobBlocklistCleared (it may again); the other job events are not assignment's business.
 */
@ApplicationScoped
public class JobEventsConsumer {

    /** The incoming channel of {@code farm.jobs.v1}. */
    public static final String CHANNEL = "jobs";

    private static final Logger LOG = Logger.getLogger(JobEventsConsumer.class);
    private static final String JOB_CANCELLED = EventTypes.typeOf(JobCancelled.class);
    private static final String JOB_SUSPENDED = EventTypes.typeOf(JobSuspended.class);
    private static final String JOB_RESUMED = EventTypes.typeOf(JobResumed.class);
    private static final String WORKER_BLOCKLISTED = EventTypes.typeOf(JobWorkerBlocklisted.class);
    private static final String BLOCKLIST_CLEARED = EventTypes.typeOf(JobBlocklistCleared.class);

    private final Cancellations cancellations;
    private final Suspensions suspensions;
    private final Blocklists blocklists;
    private final DispatchLoop dispatcher;

    JobEventsConsumer(Cancellations cancellations, Suspensions suspensions, Blocklists blocklists,
                      DispatchLoop dispatcher) {
        this.cancellations = cancellations;
        this.suspensions = suspensions;
        this.blocklists = blocklists;
        this.dispatcher = dispatcher;
    }

    /** Applies the record; a transient failure (database down, shutting down) is retried, never dead-lettered. */
    @Incoming(CHANNEL)
    Uni<Void> on(ConsumerRecord<String, String> record) {
        return TransientFailures.retried(Uni.createFrom().deferred(() -> applied(record)),
                TransientFailures.where(record));
    }

    private Uni<Void> applied(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            if (JOB_SUSPENDED.equals(envelope.type())) {
                JobSuspended suspended = envelope.event(JobSuspended.class);
                return suspensions.suspend(suspended.jobId(), suspended.sequence(), suspended.suspendedAt())
                        .replaceWithVoid();
            }
            if (JOB_RESUMED.equals(envelope.type())) {
                JobResumed resumed = envelope.event(JobResumed.class);
                return suspensions.resume(resumed.jobId(), resumed.sequence(), resumed.resumedAt())
                        .invoke(dispatcher::trigger).replaceWithVoid();
            }
            if (WORKER_BLOCKLISTED.equals(envelope.type())) {
                return blocklists.blocklisted(envelope, envelope.event(JobWorkerBlocklisted.class));
            }
            if (BLOCKLIST_CLEARED.equals(envelope.type())) {
                return blocklists.cleared(envelope, envelope.event(JobBlocklistCleared.class))
                        .invoke(dispatcher::trigger);
            }
            if (!JOB_CANCELLED.equals(envelope.type())) {
                return Uni.createFrom().voidItem();
            }
            return cancellations.cancel(envelope.event(JobCancelled.class));
        }).onFailure().invoke(e -> LOG.warnf("Job %s: record %s-%d@%d not applied, dead-lettering it: %s",
                record.key(), record.topic(), record.partition(), record.offset(), e.getMessage()));
    }
}
