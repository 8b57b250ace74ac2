package io.tessera.worker.cancel;

import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.EventEnvelope;
import io.tessera.contracts.envelope.EventTypes;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobCancelled;
import io.tessera.worker.tasks.RunningTask;
import io.tessera.worker.tasks.RunningTasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code farm.jobs.v1} with a consumer group of its own ({@code worker-<id>}, from the earliest offset) to
 * learn every cancelled job. On JobCancelled the job is remembered and its running renders are interrupted; they
 * report TaskFailed(retryable=false, "job cancelled"). Other job events are ignored.
 */
@ApplicationScoped
public class JobsConsumer {

    /** The incoming channel of job lifecycle events. */
    public static final String CHANNEL = "jobs";
    /** The failure reason of an attempt stopped by a cancellation. */
    public static final String CANCELLED_REASON = "job cancelled";

    private static final Logger LOG = Logger.getLogger(JobsConsumer.class);
    private static final String CANCELLED = EventTypes.typeOf(JobCancelled.class);

    @Inject
    CancelledJobs cancelled;

    @Inject
    RunningTasks running;

    /** Records a cancellation and stops the job's running attempts. */
    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> {
            handle(EventEnvelope.from(record));
            return null;
        }).replaceWithVoid();
    }

    private void handle(EventEnvelope envelope) {
        if (!CANCELLED.equals(envelope.type())) {
            return;
        }
        JobCancelled event = envelope.event(JobCancelled.class);
        if (event.jobId() == null || event.jobId().isBlank()) {
            throw new InvalidEventException("jobId: is required");
        }
        if (!cancelled.add(event.jobId())) {
            return;
        }
        List<RunningTask> tasks = running.ofJob(event.jobId());
        tasks.forEach(task -> task.stop(CANCELLED_REASON, false));
        LOG.infof("Job cancelled jobId=%s: stopping %d running attempt(s) %s", event.jobId(), tasks.size(),
                tasks.stream().map(t -> t.taskId() + "#" + t.attempt()).toList());
    }
}
