package io.tessera.monitoring.job;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.TesseraEvent;
import io.tessera.contracts.jobs.JobBlocklistCleared;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.contracts.jobs.JobResumed;
import io.tessera.contracts.jobs.JobRetryRequested;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.jobs.JobSuspended;
import io.tessera.monitoring.failure.BlocklistClears;
import io.tessera.messaging.retry.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code farm.jobs.v1}: JobSubmitted, JobCancelled, JobSuspended, JobResumed, JobRetryRequested and
 * JobBlocklistCleared (monitoring's own JobWorkerBlocklisted is ignored).
 */
@ApplicationScoped
public class JobConsumer {

    /** The incoming channel of {@code farm.jobs.v1}. */
    public static final String CHANNEL = "jobs";

    private final JobService service;
    private final JobCommandService commands;
    private final BlocklistClears blocklists;

    JobConsumer(JobService service, JobCommandService commands, BlocklistClears blocklists) {
        this.service = service;
        this.commands = commands;
        this.blocklists = blocklists;
    }

    /** Applies the record; a transient failure (database down, shutting down) is retried, never dead-lettered. */
    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return TransientFailures.retried(Uni.createFrom().deferred(() -> applied(record)),
                TransientFailures.where(record));
    }

    private Uni<Void> applied(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = EventEnvelope.from(record);
            TesseraEvent event = envelope.event();
            if (event instanceof JobSubmitted submitted) {
                return service.submitted(envelope, submitted);
            }
            if (event instanceof JobCancelled cancelled) {
                return service.cancelled(envelope, cancelled);
            }
            if (event instanceof JobSuspended suspended) {
                return commands.suspended(envelope, suspended);
            }
            if (event instanceof JobResumed resumed) {
                return commands.resumed(envelope, resumed);
            }
            if (event instanceof JobRetryRequested retry) {
                return commands.retryRequested(envelope, retry);
            }
            if (event instanceof JobBlocklistCleared cleared) {
                return blocklists.cleared(envelope, cleared);
            }
            return Uni.createFrom().voidItem();
        });
    }
}
