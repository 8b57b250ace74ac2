package io.tessera.segmentation.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.jobs.JobSubmitted;
import io.tessera.contracts.tasks.TaskPlanned;
import io.tessera.segmentation.planning.Segmenter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/** Segments one submitted job: plans its tasks and publishes them, counting what it did. */
@ApplicationScoped
public class JobSegmentation {

    private static final Logger LOG = Logger.getLogger(JobSegmentation.class);

    private final Segmenter segmenter;
    private final TaskPlannedPublisher publisher;
    private final Counter tasksPlanned;
    private final Counter jobsSegmented;

    JobSegmentation(Segmenter segmenter, TaskPlannedPublisher publisher, MeterRegistry registry) {
        this.segmenter = segmenter;
        this.publisher = publisher;
        this.tasksPlanned = Counter.builder("tessera_tasks_planned_total")
                .description("TaskPlanned events published (and acked by the broker)").register(registry);
        this.jobsSegmented = Counter.builder("tessera_jobs_segmented_total")
                .description("Jobs whose every task was published (and acked by the broker)").register(registry);
    }

    /**
     * Plans {@code job} and publishes every task; completes when the broker acked all of them.
     *
     * @throws InvalidEventException when the job cannot be segmented (the record is dead-lettered)
     */
    public Uni<Void> segment(JobSubmitted job) {
        List<TaskPlanned> tasks = segmenter.plan(job);
        return publisher.publish(tasks)
                .invoke(() -> {
                    tasksPlanned.increment(tasks.size());
                    jobsSegmented.increment();
                    LOG.infof("Job %s segmented by %s into %d tasks (frames %d..%d)", job.jobId(),
                            job.strategy().id(), tasks.size(), job.frameStart(), job.frameEnd());
                })
                .onFailure().invoke(e -> LOG.errorf("Job %s: publishing its %d tasks failed, dead-lettering it: %s",
                        job.jobId(), tasks.size(), e.getMessage()));
    }
}
