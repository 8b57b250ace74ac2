package io.tessera.assignment.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tessera.assignment.AssignmentConfig;
import io.tessera.assignment.cancellation.Cancellations;
import io.tessera.assignment.workers.WorkerRegistry;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.tasks.TaskPlanned;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Dispatches a planned task to its capability's topic as attempt 1, unless its job was cancelled. A task no live
 * worker can run is still dispatched (provisioning may start one), with a warning once per job and a count.
 */
@ApplicationScoped
public class TaskDispatcher {

    private static final Logger LOG = Logger.getLogger(TaskDispatcher.class);

    private enum Decision { DISPATCH, UNPLACEABLE, CANCELLED }

    private final CapabilityRouter router = new CapabilityRouter();
    private final Clock clock = Clock.systemUTC();
    private final Cancellations cancellations;
    private final WorkerRegistry workers;
    private final TaskDispatchPublisher publisher;
    private final UnplaceableWarnings warnings;
    private final MeterRegistry meters;

    TaskDispatcher(Cancellations cancellations, WorkerRegistry workers, TaskDispatchPublisher publisher,
                   AssignmentConfig config, MeterRegistry meters) {
        this.cancellations = cancellations;
        this.workers = workers;
        this.publisher = publisher;
        this.warnings = new UnplaceableWarnings(config.unplaceableJobsRemembered());
        this.meters = meters;
    }

    /**
     * Dispatches {@code task}; completes when the broker acked the TaskDispatched (or at once when skipped).
     *
     * @throws InvalidEventException when the task cannot be routed
     */
    public Uni<Void> dispatch(TaskPlanned task) {
        CapabilityRouter.Dispatch dispatch = router.route(task, clock.instant());
        String capability = dispatch.capability().id();
        return Panache.withSession(() -> cancellations.isCancelled(task.jobId())
                        .chain(cancelled -> cancelled
                                ? Uni.createFrom().item(Decision.CANCELLED)
                                : workers.canPlace(task.requirements())
                                        .map(placeable -> placeable ? Decision.DISPATCH : Decision.UNPLACEABLE)))
                .chain(decision -> {
                    if (decision == Decision.CANCELLED) {
                        counter("tessera_tasks_skipped_total", capability, "job-cancelled").increment();
                        LOG.infof("Task %s (job %s, attempt %d) not dispatched: its job is cancelled", task.taskId(),
                                task.jobId(), CapabilityRouter.FIRST_ATTEMPT);
                        return Uni.createFrom().voidItem();
                    }
                    if (decision == Decision.UNPLACEABLE) {
                        unplaceable(task, capability);
                    }
                    return publisher.publish(dispatch)
                            .invoke(() -> counter("tessera_tasks_dispatched_total", capability, null).increment());
                });
    }

    private void unplaceable(TaskPlanned task, String capability) {
        counter("tessera_tasks_unplaceable_total", capability, null).increment();
        if (warnings.firstFor(task.jobId())) {
            LOG.warnf("Job %s: no live %s worker satisfies %s (first task %s, attempt %d); dispatching anyway,"
                            + " provisioning may add one", task.jobId(), capability, task.requirements(), task.taskId(),
                    CapabilityRouter.FIRST_ATTEMPT);
        }
    }

    private Counter counter(String name, String capability, String reason) {
        Counter.Builder builder = Counter.builder(name).tag("capability", capability);
        if (reason != null) {
            builder.tag("reason", reason);
        }
        return builder.register(meters);
    }
}
