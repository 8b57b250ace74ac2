package io.tessera.submission.requests;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.submission.jobs.JobService;
import io.tessera.submission.jobs.SubmissionMetrics;
import io.tessera.submission.validation.Channel;
import io.tessera.submission.validation.InvalidJobRequestException;
import io.tessera.submission.validation.JobRequestReader;
import io.tessera.submission.validation.JobRequestValidator;
import io.tessera.submission.validation.ValidJobRequest;
import io.tessera.messaging.retry.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code farm.job-requests.v1}: plain JSON job requests from any Kafka client (no CloudEvents headers
 * needed; the value is read as bytes, so one that is not UTF-8 is rejected instead of decoded leniently). A valid
 * request becomes a job exactly like {@code POST /api/v1/jobs}; a known requestId is skipped; an
 * invalid record fails with the violations as message, so it lands on {@code farm.job-requests.v1.dlq} with them
 * in its {@code dead-letter-reason} header while the consumer carries on.
 */
@ApplicationScoped
public class JobRequestConsumer {

    /** The incoming channel of {@code farm.job-requests.v1}. */
    public static final String CHANNEL = "job-requests";

    private static final Logger LOG = Logger.getLogger(JobRequestConsumer.class);

    private final JobRequestValidator validator;
    private final JobService jobs;
    private final SubmissionMetrics metrics;

    JobRequestConsumer(JobRequestValidator validator, JobService jobs, SubmissionMetrics metrics) {
        this.validator = validator;
        this.jobs = jobs;
        this.metrics = metrics;
    }

    /** Applies the record; a transient failure (database down, shutting down) is retried, never dead-lettered. */
    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, byte[]> record) {
        return TransientFailures.retried(Uni.createFrom().deferred(() -> applied(record)),
                TransientFailures.where(record));
    }

    private Uni<Void> applied(ConsumerRecord<String, byte[]> record) {
        ValidJobRequest request;
        try {
            request = validator.validate(JobRequestReader.read(record.value()), Channel.KAFKA);
        } catch (InvalidJobRequestException e) {
            metrics.rejected(Channel.KAFKA);
            LOG.warnf("Job request at %s-%d@%d rejected to the dead-letter topic: %s", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return Uni.createFrom().failure(new InvalidEventException(e.getMessage()));
        }
        return jobs.submit(request, Channel.KAFKA)
                .onFailure(InvalidJobRequestException.class).transform(e -> {
                    metrics.rejected(Channel.KAFKA);
                    LOG.warnf("Job request %s at %s-%d@%d rejected to the dead-letter topic: %s", request.requestId(),
                            record.topic(), record.partition(), record.offset(), e.getMessage());
                    return new InvalidEventException(e.getMessage());
                })
                .replaceWithVoid();
    }
}
